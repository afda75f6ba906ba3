using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// The adapter's entry into the core, the same for polling and webhook: an update is routed to the handler that
/// translates it into the core's conversation pipeline (which claims it in the ledger, answers it and records how it
/// ended), and its outcome is counted. Only a shutdown interrupts an update; the receivers then hand it back.
/// </summary>
public sealed partial class UpdatePipeline(
    UpdateRouter router,
    TelegramMetrics metrics,
    TimeProvider time,
    TokenRedactor redactor,
    ILogger<UpdatePipeline> logger)
{
    public const string Platform = "telegram";

    public async Task<ConversationOutcome> HandleAsync(Update update, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        ConversationOutcome outcome;
        try
        {
            outcome = await router.RouteAsync(update, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = ConversationOutcome.Interrupted;
        }
        catch (Exception e)
        {
            // What the conversation pipeline does not catch (a toast, a poll answer): logged with the update id, counted.
            LogHandlerFailed(logger, update.Id, redactor.Describe(e), e.StackTrace ?? "");
            metrics.ReplyLost();
            outcome = ConversationOutcome.Failed;
        }

        if (outcome == ConversationOutcome.Interrupted) LogInterrupted(logger, update.Id);
        if (outcome == ConversationOutcome.Duplicate) LogDuplicate(logger, update.Id);
        metrics.Handled(outcome.Name(), outcome == ConversationOutcome.Duplicate ? 0 : time.GetElapsedTime(started).TotalMilliseconds);
        return outcome;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Update {UpdateId} was already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, long updateId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Update {UpdateId} interrupted by shutdown; handed back for redelivery")]
    private static partial void LogInterrupted(ILogger logger, long updateId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Handling update {UpdateId} failed: {Error}\n{StackTrace}")]
    private static partial void LogHandlerFailed(ILogger logger, long updateId, string error, string stackTrace);
}
