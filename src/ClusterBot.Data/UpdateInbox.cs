using System.Data.Common;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Conversations;
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

    public IReadOnlyList<InboxAddResult> AddBatch(string platform, IReadOnlyList<InboxEntry> entries, int capacity)
    {
        // A refused entry rolls the whole transaction back (PostgreSQL cannot go on in it); the batch is written again
        // without it. Each retry sets one more entry aside, so this ends, and a batch without one is a single attempt.
        var setAside = new HashSet<int>();
        while (true)
        {
            var writing = new BatchWrite(entries, setAside);
            try
            {
                return writing.Run(database, platform, capacity, database.Dialect.Stamp(time.GetUtcNow()));
            }
            catch (DbException e) when (writing.Current is { } index && database.RefusesValues(e))
            {
                setAside.Add(index);
            }
        }
    }

    public InboxItem? TryTakeNext(string platform) => TakeNext(platform, 1) is [var item] ? item : null;

    public IReadOnlyList<InboxItem> TakeNext(string platform, int max)
    {
        var now = time.GetUtcNow();
        using var c = database.Open();
        var taken = c.Query<InboxItem>(TakeSql(database.Dialect),
            new { platform, max, owner = instance.Id, now = database.Dialect.Stamp(now), until = database.Dialect.Stamp(now + instance.Lease) }).AsList();
        // RETURNING promises no order; the oldest is handed out first.
        taken.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return taken;
    }

    /// <summary>
    /// The take: the oldest free update of each chat, walked in arrival order (index inbox_order) up to the limit, so
    /// its cost follows the updates it passes over (leased, or behind their chat's first), not the inbox's size.
    /// </summary>
    internal static string TakeSql(SqlDialect dialect) => $"""
        UPDATE inbox SET owner = @owner, lease_until = @until
        WHERE seq IN (
            SELECT i.seq FROM inbox i
            WHERE i.platform = @platform
              AND (i.lease_until IS NULL OR i.lease_until < @now)
              AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.platform = i.platform AND e.chat_key = i.chat_key AND e.seq < i.seq)
            ORDER BY i.seq
            LIMIT @max
            {dialect.SkipLocked})
        RETURNING seq AS Seq, platform AS Platform, update_id AS UpdateId, chat_key AS ChatKey, payload AS Payload
        """;

    public void Done(InboxItem item)
    {
        using var c = database.Open();
        c.Execute("DELETE FROM inbox WHERE seq = @Seq AND owner = @owner", new { item.Seq, owner = instance.Id });
    }

    public void Finish(InboxItem item, ConversationOutcome? outcome)
    {
        if (outcome is not { } ended)
        {
            Done(item);
            return;
        }

        using var c = database.Open();
        using var tx = c.BeginTransaction();
        c.Execute(UpdateLedger.RecordSql, new
        {
            platform = item.Platform,
            updateId = item.UpdateId,
            outcome = ended.Name(),
            at = database.Dialect.Stamp(time.GetUtcNow()),
        }, tx);
        c.Execute("DELETE FROM inbox WHERE seq = @Seq AND owner = @owner", new { item.Seq, owner = instance.Id }, tx);
        tx.Commit();
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

    /// <summary>One attempt at writing a batch; <see cref="Current"/> names the entry whose statement is running, so a failure can be pinned on it.</summary>
    private sealed class BatchWrite(IReadOnlyList<InboxEntry> entries, IReadOnlySet<int> setAside)
    {
        // The ledger check goes with the insert: an update answered before an acknowledgement was lost is not queued again.
        private const string Insert = """
            INSERT INTO inbox (platform, update_id, chat_key, payload, received_at)
            SELECT @platform, @UpdateId, @ChatKey, @Payload, @at
            WHERE NOT EXISTS (SELECT 1 FROM handled_updates h WHERE h.platform = @platform AND h.update_id = @UpdateId AND h.state <> 'started')
            ON CONFLICT (platform, update_id) DO NOTHING
            """;

        public int? Current { get; private set; }

        public InboxAddResult[] Run(StateDatabase database, string platform, int capacity, object at)
        {
            var results = new InboxAddResult[entries.Count];
            using var c = database.Open();
            // One transaction for the batch: one commit, and the count and the inserts see the same inbox.
            using var tx = c.BeginTransaction();
            var waiting = c.ExecuteScalar<long>("SELECT count(*) FROM inbox WHERE platform = @platform", new { platform }, tx);
            for (var i = 0; i < entries.Count; i++)
            {
                if (waiting >= capacity)
                {
                    results.AsSpan(i).Fill(InboxAddResult.Refused);
                    break;
                }

                if (setAside.Contains(i))
                {
                    results[i] = InboxAddResult.Rejected;
                    continue;
                }

                var e = entries[i];
                Current = i;
                var added = c.Execute(Insert, new { platform, e.UpdateId, e.ChatKey, e.Payload, at }, tx) == 1;
                Current = null;
                results[i] = added ? InboxAddResult.Added : InboxAddResult.Skipped;
                if (added) waiting++;
            }

            tx.Commit();
            return results;
        }
    }
}
