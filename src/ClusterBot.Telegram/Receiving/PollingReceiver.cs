using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Long polling with our own getUpdates loop rather than the library's receiver, because the offset is
/// the acknowledgement: it moves past an update only once that update's reply was sent or definitively
/// failed. Fetched updates go to their chat's lane and the loop polls again at once, so a chat waiting out
/// its flood allowance never holds back another. On shutdown the loop stops fetching, lets the updates in
/// hand finish within the grace period, acknowledges what finished and hands back the rest.
/// </summary>
public sealed partial class PollingReceiver(
    UpdateFetcher fetcher,
    UpdatePipeline pipeline,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    TokenRedactor redactor,
    BotIdentity identity,
    TelegramConnectionState state,
    ILogger<PollingReceiver> logger)
{
    private static readonly TimeSpan FinalAcknowledgementTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ConflictPause = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxErrorPause = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While unacknowledged updates wait, getUpdates answers at once instead of long-polling; between such
    /// polls the loop waits for one to finish, or this long, so new updates still arrive promptly.
    /// </summary>
    private static readonly TimeSpan PollWhileWaiting = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopReceiving)
    {
        var o = options.Value;
        // Handling outlives the stop signal by the grace period, so replies in flight are not cut off. The
        // grace is wall-clock time: it is measured against the service manager's kill deadline.
        using var handling = new CancellationTokenSource();
        await using var graceStarts = stopReceiving.Register(() => handling.CancelAfter(o.ShutdownGrace));
        var lanes = new ConversationLanes<long>(o.MaxConcurrentChats);
        var offsets = new PollingOffset();

        int? sent = null;
        var errors = 0;
        state.PollingStarted(identity.Username);
        while (!stopReceiving.IsCancellationRequested && !offsets.AnyHandedBack)
        {
            FetchedUpdates fetched;
            var offset = offsets.Next;
            try
            {
                fetched = await fetcher.FetchAsync(offset, o.PollingBatchSize, o.PollingTimeoutSeconds, stopReceiving);
                sent = offset;
                errors = 0;
                state.PollSucceeded();
            }
            catch (OperationCanceledException) when (stopReceiving.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                errors++;
                var pause = Pause(e, errors);
                var reason = Describe(e);
                state.PollFailed(reason);
                LogPollFailed(logger, reason, pause.TotalSeconds);
                if (!await DelayAsync(pause, stopReceiving)) break;
                continue;
            }

            var taken = Take(fetched, offsets, lanes, handling.Token);
            if (taken == 0 && offsets.InHand > 0)
            {
                await offsets.WaitForProgressAsync(PollWhileWaiting, time, stopReceiving);
            }
        }

        state.Stopped();
        // Updates not started by the end of the grace period are handed back as they come up.
        await lanes.WhenIdleAsync();
        if (offsets.Next is { } last && last != sent) await AcknowledgeAsync(last);
        LogStopped(logger, offsets.Next ?? 0);
    }

    /// <summary>Posts the updates not already in hand to their chats' lanes; returns how many.</summary>
    private int Take(FetchedUpdates fetched, PollingOffset offsets, ConversationLanes<long> lanes, CancellationToken handling)
    {
        var taken = 0;
        // Taken before the highest id is noted, so the offset cannot pass an update before it is in hand.
        foreach (var id in fetched.Unreadable)
        {
            if (!offsets.TryTake(id)) continue;
            LogUnreadable(logger, id);
            offsets.Finish(id, ConversationOutcome.Ignored);
        }

        foreach (var update in fetched.Updates)
        {
            if (!offsets.TryTake(update.Id)) continue;
            taken++;
            lanes.Post(UpdateRouter.ChatKey(update), async () => offsets.Finish(update.Id, await HandleAsync(update, handling)));
        }

        offsets.Seen(fetched.HighestId);
        return taken;
    }

    private async Task<ConversationOutcome> HandleAsync(Update update, CancellationToken handling)
    {
        // Once the grace period is over, what has not started is handed back untouched.
        if (handling.IsCancellationRequested) return ConversationOutcome.Interrupted;
        try
        {
            return await pipeline.HandleAsync(update, handling);
        }
        catch (OperationCanceledException) when (handling.IsCancellationRequested)
        {
            return ConversationOutcome.Interrupted;
        }
        catch (Exception e)
        {
            // The pipeline records its own failures; anything escaping it must still not stop the offset.
            LogEscaped(logger, update.Id, redactor.Describe(e));
            return ConversationOutcome.Failed;
        }
    }

    /// <summary>
    /// Tells Telegram what was handled before exiting; without it the next start would fetch those
    /// updates again (the ledger would skip them, but why make it).
    /// </summary>
    private async Task AcknowledgeAsync(int offset)
    {
        try
        {
            using var timeout = new CancellationTokenSource(FinalAcknowledgementTimeout);
            await fetcher.FetchAsync(offset, limit: 1, timeoutSeconds: 0, timeout.Token);
        }
        catch (Exception e)
        {
            LogAcknowledgeFailed(logger, offset, Describe(e));
        }
    }

    private static TimeSpan Pause(Exception e, int errors) => e switch
    {
        ApiRequestException { ErrorCode: 409 } => ConflictPause,
        _ when BotApiCaller.FloodWait(e) is { } wait => wait,
        _ => TimeSpan.FromSeconds(Math.Min(MaxErrorPause.TotalSeconds, Math.Pow(2, Math.Min(errors, 6)) / 2)),
    };

    private async Task<bool> DelayAsync(TimeSpan pause, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(pause, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private string Describe(Exception e) => e is ApiRequestException api ? $"{api.ErrorCode} {redactor.Redact(api.Message)}" : redactor.Describe(e);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "getUpdates failed ({Reason}); polling again in {Seconds:F1} s")]
    private static partial void LogPollFailed(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not acknowledge updates below {Offset} on the way out ({Reason}); they will be skipped as duplicates next time")]
    private static partial void LogAcknowledgeFailed(ILogger logger, int offset, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Skipped update {UpdateId}: it could not be read as a Telegram update")]
    private static partial void LogUnreadable(ILogger logger, int updateId);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Error, Message = "Handling update {UpdateId} failed outside the pipeline: {Error}")]
    private static partial void LogEscaped(ILogger logger, int updateId, string error);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Telegram polling stopped; next offset {Offset}")]
    private static partial void LogStopped(ILogger logger, int offset);
}
