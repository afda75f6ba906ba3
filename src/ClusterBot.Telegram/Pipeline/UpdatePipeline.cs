using System.Globalization;
using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// One update, start to end, the same for polling and webhook: claimed in the ledger (so a redelivery is
/// not answered twice), routed, and recorded as sent, ignored or failed. A failure is logged with the
/// update id and counted; only a shutdown interrupts an update, and then its claim is released so the
/// redelivery is answered.
/// </summary>
public sealed partial class UpdatePipeline(
    UpdateRouter router,
    IUpdateLedger ledger,
    TelegramMetrics metrics,
    TimeProvider time,
    TokenRedactor redactor,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePipeline> logger)
{
    public const string Platform = ChatLanguage.Platform;

    public async Task<string> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var id = update.Id.ToString(CultureInfo.InvariantCulture);
        if (!TryClaim(id))
        {
            LogDuplicate(logger, update.Id);
            metrics.Handled(Outcomes.Duplicate, 0);
            return Outcomes.Duplicate;
        }

        string outcome;
        try
        {
            outcome = await router.RouteAsync(update, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Release(id);
            LogInterrupted(logger, update.Id);
            metrics.Handled(Outcomes.Interrupted, time.GetElapsedTime(started).TotalMilliseconds);
            return Outcomes.Interrupted;
        }
        catch (DeliveryFailedException e)
        {
            LogReplyLost(logger, update.Id, e.Method, e.Attempts, e.Reason);
            metrics.ReplyLost();
            outcome = Outcomes.Failed;
        }
        catch (Exception e)
        {
            LogHandlerFailed(logger, update.Id, redactor.Describe(e), e.StackTrace ?? "");
            metrics.ReplyLost();
            outcome = Outcomes.Failed;
        }

        Record(id, outcome);
        metrics.Handled(outcome, time.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    /// <summary>
    /// Claims the update. In polling mode only one process may poll a token (Telegram answers a second
    /// poller with 409), so a claim left 'started' can only be a crashed predecessor's: it is taken over
    /// rather than left to expire, or the update would be lost. Behind a webhook several instances may be
    /// working at once, so an existing claim is respected there.
    /// </summary>
    private bool TryClaim(string id)
    {
        try
        {
            if (ledger.TryBegin(Platform, id)) return true;
            if (options.Value.Mode != TelegramMode.Polling) return false;
            ledger.Abandon(Platform, id); // removes only an unfinished claim; a finished one stays
            return ledger.TryBegin(Platform, id);
        }
        catch (Exception e)
        {
            // Without the ledger a redelivery might be answered twice; losing the answer would be worse.
            LogLedgerFailed(logger, id, redactor.Describe(e));
            return true;
        }
    }

    private void Record(string id, string outcome)
    {
        try
        {
            ledger.Complete(Platform, id, outcome);
        }
        catch (Exception e)
        {
            LogLedgerFailed(logger, id, redactor.Describe(e));
        }
    }

    private void Release(string id)
    {
        try
        {
            ledger.Abandon(Platform, id);
        }
        catch (Exception e)
        {
            LogLedgerFailed(logger, id, redactor.Describe(e));
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Update {UpdateId} was already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, long updateId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Update {UpdateId} interrupted by shutdown; handed back for redelivery")]
    private static partial void LogInterrupted(ILogger logger, long updateId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Reply to update {UpdateId} lost: {Method} failed after {Attempts} attempt(s): {Reason}")]
    private static partial void LogReplyLost(ILogger logger, long updateId, string method, int attempts, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Handling update {UpdateId} failed: {Error}\n{StackTrace}")]
    private static partial void LogHandlerFailed(ILogger logger, long updateId, string error, string stackTrace);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Update ledger unavailable for update {UpdateId}: {Error}")]
    private static partial void LogLedgerFailed(ILogger logger, string updateId, string error);
}
