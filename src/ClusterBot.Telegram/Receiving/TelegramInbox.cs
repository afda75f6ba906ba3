using System.Globalization;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>What became of an update offered to the inbox.</summary>
public enum InboxPost
{
    /// <summary>In the store's inbox (or already there: a retried delivery); Telegram may be told it arrived (200, the next offset).</summary>
    Accepted,

    /// <summary>Shutting down, the inbox full, or the store unreachable: not acknowledged, and Telegram delivers it again later.</summary>
    Refused,
}

/// <summary>
/// Telegram's side of the store's durable inbox, for both receivers. An update is acknowledged (the webhook's 200, the
/// next getUpdates offset) only once it is written there, so a process that dies after acknowledging loses nothing:
/// another instance (or this one, restarted) takes the update once the dead one's lease runs out. Once closed
/// (shutdown) or full it refuses, and Telegram delivers the update again later.
/// </summary>
public sealed partial class TelegramInbox(IUpdateInbox store, IOptions<TelegramOptions> options, ILogger<TelegramInbox> logger)
{
    /// <summary>How often an idle worker looks for updates it was not told about: another instance's, or one handed back.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    private volatile bool _closed;

    /// <summary>One update (the webhook's): the batch of one.</summary>
    public InboxPost TryPost(Update update, string payload) =>
        TryPostAll([new FetchedUpdate(update, payload)]) == 1 ? InboxPost.Accepted : InboxPost.Refused;

    /// <summary>
    /// Writes updates to the inbox in one store transaction, with the ledger check and the capacity counted once for
    /// all of them; returns how many, from the first, Telegram may be told arrived (all, or those before the first
    /// refused). One the store refuses for what it carries is set aside and logged, not refused: offered again it
    /// would fail again, and hold back every update after it.
    /// </summary>
    public int TryPostAll(IReadOnlyList<FetchedUpdate> updates)
    {
        if (_closed || updates.Count == 0) return 0;
        try
        {
            var entries = new InboxEntry[updates.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var update = updates[i].Update;
                entries[i] = new InboxEntry(
                    update.Id.ToString(CultureInfo.InvariantCulture), UpdateRouter.ChatKey(update).ToString(CultureInfo.InvariantCulture), updates[i].Json);
            }

            var results = store.AddBatch(UpdatePipeline.Platform, entries, options.Value.WebhookQueueCapacity);
            var accepted = 0;
            while (accepted < results.Count && results[accepted] != InboxAddResult.Refused)
            {
                if (results[accepted] == InboxAddResult.Rejected) LogSetAside(logger, updates[accepted].Update.Id);
                accepted++;
            }

            if (results.Contains(InboxAddResult.Added)) Nudge();
            return accepted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogStoreFailed(logger, updates[0].Update.Id, e.Message);
            return 0;
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> updates this instance may handle, taken in one store statement (at most one per
    /// chat), waiting for at least one; empty once closed and nothing is left that is free to take (what another live
    /// instance holds is its own to finish).
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> NextAsync(int max, CancellationToken cancellationToken)
    {
        while (true)
        {
            var items = TryTake(max);
            if (items.Count > 0 || _closed) return items;
            await _arrived.WaitAsync(PollInterval, cancellationToken);
        }
    }

    /// <summary>Removes a handled update; the chat's next one becomes free to take, so the takers are told at once.</summary>
    public void Done(InboxItem item)
    {
        Quietly(item, () => store.Done(item));
        Nudge();
    }

    /// <summary>Removes a handled update and records how it ended, in one store transaction; the takers are told at once.</summary>
    public void Finish(InboxItem item, ConversationOutcome? outcome)
    {
        Quietly(item, () => store.Finish(item, outcome));
        Nudge();
    }

    private void Nudge()
    {
        if (_arrived.CurrentCount < 2) _arrived.Release();
    }

    public void Release(InboxItem item, TimeSpan delay) => Quietly(item, () => store.Release(item, delay));

    /// <summary>At a poller's start: what a crashed predecessor held is free to take at once.</summary>
    public int ReleaseAll() => CountQuietly(() => store.ReleaseAll(UpdatePipeline.Platform));

    /// <summary>Updates still waiting in the store (this instance's or others').</summary>
    public int Waiting() => CountQuietly(() => store.Count(UpdatePipeline.Platform));

    /// <summary>A count from the store, or 0 (logged) while the store is unavailable.</summary>
    private int CountQuietly(Func<int> count)
    {
        try
        {
            return count();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogStoreFailed(logger, 0, e.Message);
            return 0;
        }
    }

    /// <summary>Stops accepting; workers take what is free until nothing is.</summary>
    public void Close()
    {
        _closed = true;
        _arrived.Release(2);
    }

    private IReadOnlyList<InboxItem> TryTake(int max)
    {
        try
        {
            return store.TakeNext(UpdatePipeline.Platform, max);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store is away for a moment: the next poll tries again; nothing accepted is lost meanwhile.
            LogStoreFailed(logger, 0, e.Message);
            return [];
        }
    }

    /// <summary>A failed Done or Release is not lost work: the lease runs out, the update is taken again, and the ledger knows it was answered.</summary>
    private void Quietly(InboxItem item, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogStoreFailed(logger, long.Parse(item.UpdateId, CultureInfo.InvariantCulture), e.Message);
        }
    }

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Update {UpdateId} was refused by the store's inbox for what it carries; set aside, the updates beside it go on")]
    private static partial void LogSetAside(ILogger logger, long updateId);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "The update inbox is unavailable (update {UpdateId}): {Error}")]
    private static partial void LogStoreFailed(ILogger logger, long updateId, string error);
}
