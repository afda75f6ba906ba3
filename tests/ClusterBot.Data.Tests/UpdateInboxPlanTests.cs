using ClusterBot.Data.State;
using ClusterBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data.Tests;

/// <summary>How SQLite runs the inbox's take: its cost must not grow with what waits in the inbox.</summary>
public sealed class UpdateInboxPlanTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void A_take_walks_the_inbox_in_arrival_order_instead_of_sorting_everything_that_waits()
    {
        var database = new SqliteStateDatabase(new SqliteDatabase(_temp.File("plan.db")));
        using var c = (SqliteConnection)database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + UpdateInbox.TakeSql(SqlDialect.Sqlite);
        foreach (var name in new[] { "@owner", "@until", "@platform", "@now", "@max" }) command.Parameters.AddWithValue(name, name == "@max" ? 8 : "x");
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read()) plan.Add(reader.GetString(3));
        }

        var text = string.Join("\n", plan);
        // A temporary B-tree means every waiting update was read, checked against its chat and sorted, on every take.
        Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
        Assert.Contains("USING INDEX inbox_order", text, StringComparison.Ordinal);
    }
}
