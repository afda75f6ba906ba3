using System.Globalization;
using ClusterBot.Core.Abstractions;
using Dapper;

namespace ClusterBot.Data;

/// <summary>
/// Which updates were handled, in SQLite: an update is claimed before its reply is sent and completed after,
/// so a redelivery after a crash or a webhook retry is answered once.
/// </summary>
public sealed class UpdateLedger(SqliteDatabase database, TimeProvider time) : IUpdateLedger
{
    /// <summary>A claim older than this was left by a process that died mid-update; it may be taken over.</summary>
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(2);

    public bool TryBegin(string platform, string updateId)
    {
        using var c = database.Open();
        // One atomic statement: of two instances racing for one update exactly one wins, and a claim
        // abandoned by a crash (still 'started' long after) is taken over instead of losing the update.
        const string sql = """
            INSERT INTO handled_updates (platform, update_id, state, at) VALUES (@platform, @updateId, 'started', @at)
            ON CONFLICT (platform, update_id) DO UPDATE SET at = excluded.at
            WHERE handled_updates.state = 'started' AND handled_updates.at < @staleBefore
            """;
        return c.Execute(sql, new { platform, updateId, at = Now(), staleBefore = Format(time.GetUtcNow().Subtract(StaleClaim)) }) == 1;
    }

    public void Complete(string platform, string updateId, string outcome)
    {
        using var c = database.Open();
        c.Execute("UPDATE handled_updates SET state = @outcome, at = @at WHERE platform = @platform AND update_id = @updateId",
            new { platform, updateId, outcome, at = Now() });
    }

    public void Abandon(string platform, string updateId)
    {
        using var c = database.Open();
        c.Execute("DELETE FROM handled_updates WHERE platform = @platform AND update_id = @updateId AND state = 'started'", new { platform, updateId });
    }

    public int Prune(TimeSpan olderThan)
    {
        using var c = database.Open();
        return c.Execute("DELETE FROM handled_updates WHERE at < @cutoff", new { cutoff = Format(time.GetUtcNow().Subtract(olderThan)) });
    }

    private string Now() => Format(time.GetUtcNow());

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
