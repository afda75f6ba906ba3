using System.Text.Json;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Drains the store's inbox through the pipeline, whichever receiver filled it (polling or webhook), each chat's
/// updates in order: the store hands out only a chat's oldest update, to one instance at a time, and here each taken
/// update runs in its chat's lane. An update is taken only while a lane slot is free, so this instance never leases
/// more than it is working on, and a chat waiting out its flood allowance holds one slot, never another chat. What a
/// crash left in the inbox is taken first at start. On shutdown the inbox closes and what is free is finished within
/// the grace period; what is interrupted or still waiting stays in the store for the next start or another instance.
/// </summary>
public sealed partial class InboxWorkers(
    TelegramInbox inbox,
    UpdatePipeline pipeline,
    ConversationPipeline conversations,
    IOptions<TelegramOptions> options,
    ILogger<InboxWorkers> logger)
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

        // Only one process polls a token, so at its start a leased update was a crashed predecessor's: taken over at once.
        if (o.Mode == TelegramMode.Polling && inbox.ReleaseAll() is var released and > 0) LogTakenOver(logger, released);
        var concurrency = o.Mode == TelegramMode.Polling ? o.MaxConcurrentChats : o.WebhookWorkers;
        var lanes = new ConversationLanes<string>(concurrency);
        using var slots = new SemaphoreSlim(concurrency);
        try
        {
            // Once the grace period is over nothing more is taken: what is left stays in the store.
            while (!handling.IsCancellationRequested)
            {
                await slots.WaitAsync(handling.Token);
                // Every slot free now is filled by one take: a burst is leased in one statement, not one per update.
                var free = 1;
                while (free < concurrency && slots.Wait(0, CancellationToken.None)) free++;
                var items = await inbox.NextAsync(free, handling.Token);
                if (items.Count < free) slots.Release(free - items.Count);
                if (items.Count == 0) break;

                foreach (var item in items)
                {
                    lanes.Post(item.ChatKey, async () =>
                    {
                        try
                        {
                            await HandleAsync(item, handling.Token);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    });
                }
            }
        }
        catch (OperationCanceledException) when (handling.IsCancellationRequested)
        {
            // Grace period over.
        }

        await lanes.WhenIdleAsync();
        if (inbox.Waiting() is var left and > 0) LogLeft(logger, left);
    }

    private async Task HandleAsync(InboxItem item, CancellationToken handling)
    {
        if (Parse(item.Payload) is not { } update)
        {
            // The receivers parsed it before storing it; only a store edited by hand gets here.
            LogUnreadable(logger, item.UpdateId);
            inbox.Done(item);
            return;
        }

        // The inbox's lease keeps every other handler off the update, so the ledger is not claimed; how it ended is
        // written with its removal from the inbox, in one transaction.
        using var record = conversations.DeferRecord(item.Platform, item.UpdateId);
        // Past the grace period what has not started is handed back untouched.
        var outcome = handling.IsCancellationRequested ? ConversationOutcome.Interrupted : await pipeline.HandleAsync(update, handling);
        if (outcome == ConversationOutcome.Interrupted)
        {
            inbox.Release(item, TimeSpan.Zero);
        }
        else if (outcome == ConversationOutcome.Duplicate && !conversations.IsCompleted(item.Platform, item.UpdateId))
        {
            // Claimed by an instance that is still answering it (or died a moment ago): look again shortly, keeping the chat's order.
            inbox.Release(item, BusyElsewhereDelay);
        }
        else
        {
            inbox.Finish(item, record.Outcome);
        }
    }

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

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "{Count} update(s) wait in the store's inbox for the next start or another instance")]
    private static partial void LogLeft(ILogger logger, int count);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "{Count} update(s) a previous run was handling when it stopped are taken over")]
    private static partial void LogTakenOver(ILogger logger, int count);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Error, Message = "Update {UpdateId} in the inbox is not a readable update; dropped")]
    private static partial void LogUnreadable(ILogger logger, string updateId);
}
