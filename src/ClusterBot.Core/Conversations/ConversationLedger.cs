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
    private static readonly AsyncLocal<DeferredRecord?> Deferred = new();

    /// <summary>
    /// Hands the ledger's record of one event to the caller, for the work it runs until the scope ends: a caller that
    /// holds the event under a lease of its own (the store's inbox) and writes the outcome together with letting the
    /// event go (<see cref="IUpdateInbox.Finish"/>), in one transaction. Within the scope the event is not claimed in the
    /// ledger, since the lease already keeps every other handler off it, only checked for having been handled to an end;
    /// its outcome is left in <see cref="DeferredRecord.Outcome"/> instead of written. Other events, and the same one
    /// reached a second time within the scope, are recorded as always.
    /// </summary>
    public DeferredRecord DeferRecord(string platform, string id) => new(platform, id);

    /// <param name="id">The redelivered id; null runs the work unrecorded (nothing redelivers it).</param>
    /// <param name="takeOverUnfinished">True where only this process can be handling the platform's events (one Telegram
    /// poller per token): an unfinished claim is then a crashed predecessor's, taken over at once instead of waited out.</param>
    public async Task<ConversationOutcome> OnceAsync(
        string platform, string? id, Func<CancellationToken, Task<ConversationOutcome>> work, CancellationToken cancellationToken, bool takeOverUnfinished = false)
    {
        if (id is null || ledger is null) return await work(cancellationToken);
        var deferred = Deferred.Value is { Reached: false } d && d.Platform == platform && d.Id == id ? d : null;
        if (deferred is not null)
        {
            deferred.Reached = true;
            if (IsCompleted(platform, id))
            {
                LogDuplicate(logger, platform, id);
                return ConversationOutcome.Duplicate;
            }
        }
        else if (!TryClaim(platform, id, takeOverUnfinished))
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
        catch (Exception) when (Recorded(platform, id, deferred))
        {
            // Not reached: the filter records the failure (a redelivery would fail alike) and lets the exception go on.
            throw;
        }

        if (deferred is not null)
        {
            // Nothing was claimed, so an interruption has nothing to release; an end is the caller's to write.
            if (outcome != ConversationOutcome.Interrupted) deferred.Outcome = outcome;
        }
        else if (outcome == ConversationOutcome.Interrupted)
        {
            Quietly(platform, id, () => ledger.Abandon(platform, id));
        }
        else
        {
            Quietly(platform, id, () => ledger.Complete(platform, id, outcome));
        }

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

    private bool Recorded(string platform, string id, DeferredRecord? deferred)
    {
        if (deferred is not null) deferred.Outcome = ConversationOutcome.Failed;
        else Quietly(platform, id, () => ledger!.Complete(platform, id, ConversationOutcome.Failed));
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

    /// <summary>
    /// The ledger's record of one event, held by the caller that runs it (see <see cref="DeferRecord"/>); disposing it
    /// ends the scope.
    /// </summary>
    public sealed class DeferredRecord : IDisposable
    {
        private readonly DeferredRecord? _outer;

        internal DeferredRecord(string platform, string id)
        {
            Platform = platform;
            Id = id;
            _outer = Deferred.Value;
            Deferred.Value = this;
        }

        public string Platform { get; }

        public string Id { get; }

        /// <summary>True once the work reached the ledger for this event (it was checked, and run unless already handled).</summary>
        public bool Reached { get; internal set; }

        /// <summary>How the event ended, to be written by the caller; null when it never reached the ledger, was already handled, or was interrupted.</summary>
        public ConversationOutcome? Outcome { get; internal set; }

        public void Dispose()
        {
            if (Deferred.Value == this) Deferred.Value = _outer;
        }
    }
}
