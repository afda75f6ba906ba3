using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Conversations;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data;

/// <summary>
/// Which updates were handled, in the state database: an update is claimed before its reply is sent and completed
/// after, so a redelivery after a crash or a webhook retry is answered once, by whichever instance gets it. A claim
/// is a lease: the instance that holds it renews it while it works (<see cref="RenewLeases"/>); one whose lease ran
/// out was left by an instance that died mid-update, and another instance takes it over.
/// </summary>
public sealed class UpdateLedger(StateDatabase database, StoreInstance instance, TimeProvider time) : IUpdateLedger
{
    public bool TryBegin(string platform, string updateId)
    {
        var now = time.GetUtcNow();
        using var c = database.Open();
        // One atomic statement: of two instances racing for one update exactly one wins (insert-if-absent), and a
        // claim whose lease ran out is taken over instead of losing the update.
        const string sql = """
            INSERT INTO handled_updates (platform, update_id, state, at, owner, lease_until)
            VALUES (@platform, @updateId, 'started', @at, @owner, @until)
            ON CONFLICT (platform, update_id) DO UPDATE SET at = excluded.at, owner = excluded.owner, lease_until = excluded.lease_until
            WHERE handled_updates.state = 'started' AND handled_updates.lease_until < excluded.at
            """;
        return c.Execute(sql, new
        {
            platform,
            updateId,
            at = database.Dialect.Stamp(now),
            owner = instance.Id,
            until = database.Dialect.Stamp(now + instance.Lease),
        }) == 1;
    }

    /// <summary>
    /// How an update ended, whether or not it was claimed first (an update handled under an inbox lease is not): a
    /// claim is turned into the outcome, and no claim is needed.
    /// </summary>
    internal const string RecordSql = """
        INSERT INTO handled_updates (platform, update_id, state, at, owner, lease_until)
        VALUES (@platform, @updateId, @outcome, @at, NULL, NULL)
        ON CONFLICT (platform, update_id) DO UPDATE SET state = excluded.state, at = excluded.at, owner = NULL, lease_until = NULL
        """;

    public bool IsCompleted(string platform, string updateId)
    {
        using var c = database.Open();
        return c.ExecuteScalar<long>("SELECT count(*) FROM handled_updates WHERE platform = @platform AND update_id = @updateId AND state <> 'started'",
            new { platform, updateId }) > 0;
    }

    public void Complete(string platform, string updateId, ConversationOutcome outcome)
    {
        using var c = database.Open();
        c.Execute("""
            UPDATE handled_updates SET state = @outcome, at = @at, owner = NULL, lease_until = NULL
            WHERE platform = @platform AND update_id = @updateId
            """,
            new { platform, updateId, outcome = outcome.Name(), at = database.Dialect.Stamp(time.GetUtcNow()) });
    }

    public void Abandon(string platform, string updateId)
    {
        using var c = database.Open();
        c.Execute("DELETE FROM handled_updates WHERE platform = @platform AND update_id = @updateId AND state = 'started'", new { platform, updateId });
    }

    /// <summary>Extends the lease of every unfinished claim of this instance; returns how many.</summary>
    public int RenewLeases()
    {
        using var c = database.Open();
        return c.Execute("UPDATE handled_updates SET lease_until = @until WHERE owner = @owner AND state = 'started'",
            new { owner = instance.Id, until = database.Dialect.Stamp(time.GetUtcNow() + instance.Lease) });
    }

    public int Prune(TimeSpan olderThan)
    {
        using var c = database.Open();
        return c.Execute("DELETE FROM handled_updates WHERE at < @cutoff", new { cutoff = database.Dialect.Stamp(time.GetUtcNow().Subtract(olderThan)) });
    }
}
