using ClusterBot.Core.Abstractions;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data;

/// <summary>
/// The update inbox in the state database (table `inbox`), shared by every instance. Only the oldest update of a
/// chat can be taken, and only when no live lease is on it, so a chat's updates are handled one at a time and in
/// the order they arrived, across instances; on PostgreSQL, concurrent takers skip a row another is taking
/// (<c>FOR UPDATE SKIP LOCKED</c>) and move on to the next chat instead of waiting.
/// </summary>
public sealed class UpdateInbox(StateDatabase database, StoreInstance instance, TimeProvider time) : IUpdateInbox
{
    public bool Add(string platform, string updateId, string chatKey, string payload)
    {
        using var c = database.Open();
        return c.Execute("""
            INSERT INTO inbox (platform, update_id, chat_key, payload, received_at) VALUES (@platform, @updateId, @chatKey, @payload, @at)
            ON CONFLICT (platform, update_id) DO NOTHING
            """,
            new { platform, updateId, chatKey, payload, at = database.Dialect.Stamp(time.GetUtcNow()) }) == 1;
    }

    public InboxItem? TryTakeNext(string platform)
    {
        var now = time.GetUtcNow();
        using var c = database.Open();
        return c.QuerySingleOrDefault<InboxItem>($"""
            UPDATE inbox SET owner = @owner, lease_until = @until
            WHERE seq = (
                SELECT i.seq FROM inbox i
                WHERE i.platform = @platform
                  AND (i.lease_until IS NULL OR i.lease_until < @now)
                  AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.platform = i.platform AND e.chat_key = i.chat_key AND e.seq < i.seq)
                ORDER BY i.seq
                LIMIT 1
                {database.Dialect.SkipLocked})
            RETURNING seq AS Seq, platform AS Platform, update_id AS UpdateId, chat_key AS ChatKey, payload AS Payload
            """,
            new { platform, owner = instance.Id, now = database.Dialect.Stamp(now), until = database.Dialect.Stamp(now + instance.Lease) });
    }

    public void Done(InboxItem item)
    {
        using var c = database.Open();
        c.Execute("DELETE FROM inbox WHERE seq = @Seq AND owner = @owner", new { item.Seq, owner = instance.Id });
    }

    public void Release(InboxItem item, TimeSpan delay)
    {
        using var c = database.Open();
        // Not owned, but leased until the delay is over: nobody takes it sooner, and the chat's later updates keep waiting behind it.
        c.Execute("UPDATE inbox SET owner = NULL, lease_until = @until WHERE seq = @Seq AND owner = @owner",
            new { item.Seq, owner = instance.Id, until = database.Dialect.Stamp(time.GetUtcNow() + delay) });
    }

    public int ReleaseAll(string platform)
    {
        using var c = database.Open();
        return c.Execute("UPDATE inbox SET owner = NULL, lease_until = NULL WHERE platform = @platform AND lease_until IS NOT NULL", new { platform });
    }

    public int Count(string platform)
    {
        using var c = database.Open();
        return (int)c.ExecuteScalar<long>("SELECT count(*) FROM inbox WHERE platform = @platform", new { platform });
    }

    /// <summary>Extends the lease of every update this instance is handling; returns how many.</summary>
    public int RenewLeases()
    {
        using var c = database.Open();
        return c.Execute("UPDATE inbox SET lease_until = @until WHERE owner = @owner",
            new { owner = instance.Id, until = database.Dialect.Stamp(time.GetUtcNow() + instance.Lease) });
    }
}
