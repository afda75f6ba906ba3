using System.Text.Json;
using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Drains the webhook inbox through the same pipeline as polling, each chat's updates in order (the store hands out
/// only a chat's oldest update, and only to one instance at a time). On shutdown the inbox closes (new deliveries
/// get 503 and are retried by Telegram) and the workers finish what is free to take within the grace period; what
/// is interrupted or still waiting stays in the store for the next start or another instance.
/// </summary>
public sealed partial class WebhookWorkers(
    WebhookInbox inbox,
    UpdatePipeline pipeline,
    ConversationPipeline conversations,
    BotIdentity identity,
    TelegramConnectionState state,
    IOptions<TelegramOptions> options,
    ILogger<WebhookWorkers> logger)
{
    /// <summary>How long an update another instance is still answering waits before it is looked at again.</summary>
    public static readonly TimeSpan BusyElsewhereDelay = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopReceiving)
    {
        var o = options.Value;
        using var handling = new CancellationTokenSource();
        await using var graceStarts = stopReceiving.Register(() =>
        {
            inbox.Close();
            handling.CancelAfter(o.ShutdownGrace);
        });

        // Start-up ran setWebhook before the workers were started, so Telegram is delivering from here on.
        state.WebhookSet(identity.Username);
        var workers = Enumerable.Range(0, o.WebhookWorkers).Select(_ => Task.Run(() => WorkAsync(handling.Token), CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        state.Stopped();

        if (inbox.Waiting() is var left and > 0) LogLeft(logger, left);
    }

    private async Task WorkAsync(CancellationToken handling)
    {
        try
        {
            // Once the grace period is over nothing more is taken: what is left stays in the store.
            while (!handling.IsCancellationRequested && await inbox.NextAsync(handling) is { } item)
            {
                await HandleAsync(item, handling);
            }
        }
        catch (OperationCanceledException) when (handling.IsCancellationRequested)
        {
            // Grace period over.
        }
    }

    private async Task HandleAsync(InboxItem item, CancellationToken handling)
    {
        if (Parse(item.Payload) is not { } update)
        {
            // The endpoint parsed it before storing it; only a store edited by hand gets here.
            LogUnreadable(logger, item.UpdateId);
            inbox.Done(item);
            return;
        }

        var outcome = await pipeline.HandleAsync(update, handling);
        if (outcome == ConversationOutcome.Interrupted)
        {
            inbox.Release(item, TimeSpan.Zero);
        }
        else if (outcome == ConversationOutcome.Duplicate && !IsCompleted(item))
        {
            // Claimed by an instance that is still answering it (or died a moment ago): look again shortly, keeping the chat's order.
            inbox.Release(item, BusyElsewhereDelay);
        }
        else
        {
            inbox.Done(item);
        }
    }

    private bool IsCompleted(InboxItem item) => conversations.IsCompleted(item.Platform, item.UpdateId);

    private static Update? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, UpdateReader.UpdateType);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "{Count} webhook update(s) wait in the store's inbox for the next start or another instance")]
    private static partial void LogLeft(ILogger logger, int count);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Webhook update {UpdateId} in the inbox is not a readable update; dropped")]
    private static partial void LogUnreadable(ILogger logger, string updateId);
}
