using ClusterBot.Core.Abstractions;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Core.Conversations;

/// <summary>
/// Runs the work for one platform event at most once across redeliveries: claimed in the store's ledger before, recorded
/// with its outcome after, released when shutdown interrupted it (so the redelivery is answered). A ledger that cannot
/// be reached does not cost the answer: a redelivery might then be answered twice, which is the lesser harm.
/// </summary>
public sealed partial class ConversationLedger(ILogger<ConversationLedger> logger, IUpdateLedger? ledger = null)
{
    /// <param name="id">The redelivered id; null runs the work unrecorded (nothing redelivers it).</param>
    /// <param name="takeOverUnfinished">True where only this process can be handling the platform's events (one Telegram
    /// poller per token): an unfinished claim is then a crashed predecessor's, taken over at once instead of waited out.</param>
    public async Task<ConversationOutcome> OnceAsync(
        string platform, string? id, Func<CancellationToken, Task<ConversationOutcome>> work, CancellationToken cancellationToken, bool takeOverUnfinished = false)
    {
        if (id is null || ledger is null) return await work(cancellationToken);
        if (!TryClaim(platform, id, takeOverUnfinished))
        {
            LogDuplicate(logger, platform, id);
            return ConversationOutcome.Duplicate;
        }

        ConversationOutcome outcome;
        try
        {
            outcome = await work(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = ConversationOutcome.Interrupted;
        }
        catch (Exception) when (Recorded(platform, id))
        {
            // Not reached: the filter records the failure (a redelivery would fail alike) and lets the exception go on.
            throw;
        }

        if (outcome == ConversationOutcome.Interrupted) Quietly(platform, id, () => ledger.Abandon(platform, id));
        else Quietly(platform, id, () => ledger.Complete(platform, id, outcome));
        return outcome;
    }

    /// <summary>True once the event was handled to an end (not merely claimed by someone still at it).</summary>
    public bool IsCompleted(string platform, string id)
    {
        try
        {
            return ledger?.IsCompleted(platform, id) ?? false;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnavailable(logger, platform, id, e.Message);
            return false;
        }
    }

    private bool Recorded(string platform, string id)
    {
        Quietly(platform, id, () => ledger!.Complete(platform, id, ConversationOutcome.Failed));
        return false;
    }

    private bool TryClaim(string platform, string id, bool takeOver)
    {
        try
        {
            if (ledger!.TryBegin(platform, id)) return true;
            if (!takeOver) return false;
            ledger.Abandon(platform, id); // removes only an unfinished claim; a finished one stays
            return ledger.TryBegin(platform, id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnavailable(logger, platform, id, e.Message);
            return true;
        }
    }

    private void Quietly(string platform, string id, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnavailable(logger, platform, id, e.Message);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "{Platform} event {Id} was already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, string platform, string id);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Update ledger unavailable for {Platform} event {Id}: {Error}")]
    private static partial void LogUnavailable(ILogger logger, string platform, string id, string error);
}
