using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Long polling with our own getUpdates loop rather than the library's receiver: each fetched update, read on its own
/// (one that cannot be read is logged and set aside), is written to the store's inbox, and the next call's offset
/// acknowledges it at once. Answering is the inbox workers' job, so one chat waiting out its flood allowance never
/// holds back fetching, and an update acknowledged before a crash is still in the inbox at the next start. An update
/// the inbox cannot take (full, store away) is not acknowledged: Telegram keeps it and the loop tries again.
/// </summary>
public sealed partial class PollingReceiver(
    UpdateFetcher fetcher,
    TelegramInbox inbox,
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

    /// <summary>How long the loop waits before offering an update the inbox refused again.</summary>
    private static readonly TimeSpan RefusedPause = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopReceiving)
    {
        var o = options.Value;
        int? offset = null;
        int? sent = null;
        var errors = 0;
        state.PollingStarted(identity.Username);
        while (!stopReceiving.IsCancellationRequested)
        {
            FetchedUpdates fetched;
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

            var (next, refused) = Store(fetched);
            offset = next ?? offset;
            if (refused && !await DelayAsync(RefusedPause, stopReceiving)) break;
        }

        state.Stopped();
        if (offset is { } last && last != sent) await AcknowledgeAsync(last);
        LogStopped(logger, offset ?? 0);
    }

    /// <summary>
    /// Writes the fetched updates to the inbox in Telegram's order, all in one store transaction (which also skips
    /// those the ledger knows were answered, fetched again after an acknowledgement that never arrived); returns the
    /// offset that acknowledges what is safe there (up to the first refused update) and whether one was refused.
    /// </summary>
    private (int? Offset, bool Refused) Store(FetchedUpdates fetched)
    {
        foreach (var id in fetched.Unreadable) LogUnreadable(logger, id);
        var accepted = inbox.TryPostAll(fetched.Updates);
        if (accepted < fetched.Updates.Count) return (fetched.Updates[accepted].Update.Id, true);
        return (fetched.HighestId is { } highest ? highest + 1 : null, false);
    }

    /// <summary>
    /// Tells Telegram what is in the inbox before exiting; without it the next start would fetch those updates again
    /// (the inbox and the ledger would skip them, but why make them).
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

    private string Describe(Exception e) => BotApiFailure.Describe(e, redactor);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "getUpdates failed ({Reason}); polling again in {Seconds:F1} s")]
    private static partial void LogPollFailed(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Could not acknowledge updates below {Offset} on the way out ({Reason}); they will be skipped as duplicates next time")]
    private static partial void LogAcknowledgeFailed(ILogger logger, int offset, string reason);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Skipped update {UpdateId}: it could not be read as a Telegram update")]
    private static partial void LogUnreadable(ILogger logger, int updateId);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Telegram polling stopped; next offset {Offset}")]
    private static partial void LogStopped(ILogger logger, int offset);
}
