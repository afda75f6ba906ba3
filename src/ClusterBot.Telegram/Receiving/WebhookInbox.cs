using System.Globalization;
using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>What became of a webhook delivery.</summary>
public enum WebhookPost
{
    /// <summary>In the store's inbox (or already there: a retried delivery); Telegram may be told 200.</summary>
    Accepted,

    /// <summary>Shutting down, the inbox full, or the store unreachable: 503, and Telegram delivers it again later.</summary>
    Refused,
}

/// <summary>
/// Telegram's side of the store's durable inbox. The endpoint answers 200 only once an update is written there, so
/// an instance that dies after answering loses nothing: another instance (or this one, restarted) takes the update
/// once the dead one's lease runs out. Once closed (shutdown) or full it refuses with 503, and Telegram delivers the
/// update again later — to this instance or another one behind the load balancer.
/// </summary>
public sealed partial class WebhookInbox(IUpdateInbox store, IOptions<TelegramOptions> options, ILogger<WebhookInbox> logger)
{
    /// <summary>How often an idle worker looks for updates it was not told about: another instance's, or one handed back.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    private volatile bool _closed;

    public WebhookPost TryPost(Update update, string payload)
    {
        if (_closed) return WebhookPost.Refused;
        try
        {
            if (store.Count(UpdatePipeline.Platform) >= options.Value.WebhookQueueCapacity) return WebhookPost.Refused;
            var key = UpdateRouter.ChatKey(update).ToString(CultureInfo.InvariantCulture);
            if (store.Add(UpdatePipeline.Platform, update.Id.ToString(CultureInfo.InvariantCulture), key, payload) && _arrived.CurrentCount < options.Value.WebhookWorkers)
            {
                _arrived.Release();
            }

            return WebhookPost.Accepted;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogStoreFailed(logger, update.Id, e.Message);
            return WebhookPost.Refused;
        }
    }

    /// <summary>
    /// The next update this instance may handle, waiting for one; null once closed and nothing is left that is free
    /// to take (what another live instance holds is its own to finish).
    /// </summary>
    public async Task<InboxItem?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var item = TryTake();
            if (item is not null) return item;
            if (_closed) return null;
            await _arrived.WaitAsync(PollInterval, cancellationToken);
        }
    }

    public void Done(InboxItem item) => Quietly(item, () => store.Done(item));

    public void Release(InboxItem item, TimeSpan delay) => Quietly(item, () => store.Release(item, delay));

    /// <summary>Updates still waiting in the store (this instance's or others').</summary>
    public int Waiting()
    {
        try
        {
            return store.Count(UpdatePipeline.Platform);
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
        _arrived.Release(Math.Max(1, options.Value.WebhookWorkers));
    }

    private InboxItem? TryTake()
    {
        try
        {
            return store.TryTakeNext(UpdatePipeline.Platform);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store is away for a moment: the next poll tries again; nothing accepted is lost meanwhile.
            LogStoreFailed(logger, 0, e.Message);
            return null;
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

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "The webhook inbox is unavailable (update {UpdateId}): {Error}")]
    private static partial void LogStoreFailed(ILogger logger, long updateId, string error);
}
