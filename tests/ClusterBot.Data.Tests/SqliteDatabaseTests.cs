using ClusterBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data.Tests;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Every_connection_waits_for_the_lock_and_commits_without_an_fsync_whether_new_pooled_or_reopened_after_a_clear()
    {
        var database = new SqliteDatabase(_temp.File("settings.db"));
        for (var round = 0; round < 3; round++)
        {
            using (var c = database.Open()) AssertConfigured(c);
            using (var c = database.Open()) AssertConfigured(c);
            // Two at once: the second is a new engine connection beside the pooled one.
            using (var a = database.Open())
            using (var b = database.Open())
            {
                AssertConfigured(a);
                AssertConfigured(b);
            }

            SqliteConnection.ClearAllPools();
        }
    }

    private static void AssertConfigured(SqliteConnection c)
    {
        Assert.Equal(5000L, c.ExecuteScalar<long>("PRAGMA busy_timeout;"));
        Assert.Equal(1L, c.ExecuteScalar<long>("PRAGMA synchronous;")); // NORMAL
        Assert.Equal("wal", c.ExecuteScalar<string>("PRAGMA journal_mode;"));
    }
}
