using ClusterBot.Telegram.Diagnostics;
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
/// failed. On shutdown the loop stops fetching, lets the batch in hand finish within the grace period,
/// acknowledges what finished and hands back the rest.
/// </summary>
public sealed partial class PollingReceiver(
    UpdateFetcher fetcher,
    UpdateBatchHandler batches,
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

    public async Task RunAsync(CancellationToken stopReceiving)
    {
        var o = options.Value;
        // Handling outlives the stop signal by the grace period, so replies in flight are not cut off. The
        // grace is wall-clock time: it is measured against the service manager's kill deadline.
        using var handling = new CancellationTokenSource();
        await using var graceStarts = stopReceiving.Register(() => handling.CancelAfter(o.ShutdownGrace));

        int? offset = null;
        var unacknowledged = false;
        var errors = 0;
        state.PollingStarted(identity.Username);
        while (!stopReceiving.IsCancellationRequested)
        {
            FetchedUpdates fetched;
            try
            {
                fetched = await fetcher.FetchAsync(offset, o.PollingBatchSize, o.PollingTimeoutSeconds, stopReceiving);
                unacknowledged = false;
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

            if (fetched.HighestId is not { } highest) continue;
            var outcomes = await batches.HandleAsync(fetched.Updates, handling.Token);
            var next = UpdateBatchHandler.NextOffset(fetched.Updates, highest, outcomes);
            unacknowledged = next != offset;
            offset = next;
            if (outcomes.Values.Contains(Outcomes.Interrupted)) break;
        }

        state.Stopped();
        if (unacknowledged && offset is { } last) await AcknowledgeAsync(last);
        LogStopped(logger, offset ?? 0);
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

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Telegram polling stopped; next offset {Offset}")]
    private static partial void LogStopped(ILogger logger, int offset);
}
