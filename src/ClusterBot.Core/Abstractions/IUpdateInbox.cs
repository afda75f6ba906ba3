namespace ClusterBot.Core.Abstractions;

/// <summary>One update waiting in the inbox, as the platform sent it, leased to the instance that took it.</summary>
public sealed record InboxItem(long Seq, string Platform, string UpdateId, string ChatKey, string Payload);

/// <summary>
/// The durable inbox of updates (Telegram's webhook and polling): an update is written here before the platform is told it
/// arrived, then handled by whichever instance takes it, each chat's updates one at a time and in order.
/// </summary>
public interface IUpdateInbox
{
    /// <summary>Adds an update; false when it is already waiting (a retried delivery), which is not an error.</summary>
    bool Add(string platform, string updateId, string chatKey, string payload);

    /// <summary>
    /// Leases the oldest waiting update of a chat that no live instance is handling, or null when there is none.
    /// An update left by an instance that died is taken again once its lease ran out.
    /// </summary>
    InboxItem? TryTakeNext(string platform);

    /// <summary>Removes a handled update; its chat's next one becomes available.</summary>
    void Done(InboxItem item);

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
