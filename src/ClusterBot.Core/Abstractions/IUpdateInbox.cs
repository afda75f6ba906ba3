using ClusterBot.Core.Conversations;

namespace ClusterBot.Core.Abstractions;

/// <summary>One update waiting in the inbox, as the platform sent it, leased to the instance that took it.</summary>
public sealed record InboxItem(long Seq, string Platform, string UpdateId, string ChatKey, string Payload);

/// <summary>One update of a batch to be written to the inbox, as the platform sent it.</summary>
public sealed record InboxEntry(string UpdateId, string ChatKey, string Payload);

/// <summary>What became of one entry of a batch written to the inbox.</summary>
public enum InboxAddResult
{
    /// <summary>Written: durable in the inbox, and a worker may take it.</summary>
    Added,

    /// <summary>Already waiting (a retried delivery) or already handled to an end (the ledger says so): nothing to write.</summary>
    Skipped,

    /// <summary>The store refused this entry for what it carries; it is set aside and the others are written.</summary>
    Rejected,

    /// <summary>The inbox is full: not written, and neither is any entry after it; the platform is to deliver them again.</summary>
    Refused,
}

/// <summary>
/// The durable inbox of updates (Telegram's webhook and polling): an update is written here before the platform is told it
/// arrived, then handled by whichever instance takes it, each chat's updates one at a time and in order.
/// </summary>
public interface IUpdateInbox
{
    /// <summary>Adds an update; false when it is already waiting (a retried delivery), which is not an error.</summary>
    bool Add(string platform, string updateId, string chatKey, string payload);

    /// <summary>
    /// Writes a batch in one transaction, in its order: an entry already handled to an end (the ledger) or already
    /// waiting is skipped, one the store refuses is set aside, and once the inbox holds <paramref name="capacity"/>
    /// updates the rest are refused. Returns one result per entry; what is not refused is durable once this returns.
    /// Throws when the store cannot be written at all (nothing of the batch is then written).
    /// </summary>
    IReadOnlyList<InboxAddResult> AddBatch(string platform, IReadOnlyList<InboxEntry> entries, int capacity);

    /// <summary>
    /// Leases the oldest waiting update of a chat that no live instance is handling, or null when there is none.
    /// An update left by an instance that died is taken again once its lease ran out.
    /// </summary>
    InboxItem? TryTakeNext(string platform);

    /// <summary>
    /// Leases up to <paramref name="max"/> waiting updates at once, each the oldest of a chat no live instance is
    /// handling (so at most one per chat), oldest first; empty when there is none.
    /// </summary>
    IReadOnlyList<InboxItem> TakeNext(string platform, int max);

    /// <summary>Removes a handled update; its chat's next one becomes available.</summary>
    void Done(InboxItem item);

    /// <summary>
    /// Removes a handled update and records in the update ledger how it ended, in one transaction: the record and the
    /// removal happen together or not at all, for one commit. With a null <paramref name="outcome"/> (the update never
    /// reached the ledger, or was already recorded) it is <see cref="Done"/>.
    /// </summary>
    void Finish(InboxItem item, ConversationOutcome? outcome);

    /// <summary>Hands a taken update back untouched, to be taken again after the delay (by this or another instance).</summary>
    void Release(InboxItem item, TimeSpan delay);

    /// <summary>
    /// Frees every lease on the platform's updates at once, for a receiver that only one process may run (Telegram
    /// polling): what is leased at its start can only be a crashed predecessor's, and need not wait for the lease to run out.
    /// </summary>
    int ReleaseAll(string platform);

    /// <summary>How many updates are waiting or being handled.</summary>
    int Count(string platform);
}
