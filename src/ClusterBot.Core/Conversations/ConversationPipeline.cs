using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Operations;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Core.Conversations;

/// <summary>
/// One incoming message, start to end, the same on every front end: ignored when it is group chatter not meant for the
/// bot; claimed in the ledger (a redelivery is not answered twice); let through the flood guard; answered in the one
/// language policy's language, a /lang kept; counted and logged for the reports; delivered through the adapter's
/// callback; and its outcome recorded. A failure becomes a plain apology to the user and a log line with the details.
/// </summary>
public sealed partial class ConversationPipeline(
    IAnswerEngine engine,
    LanguagePolicy languages,
    ConversationLedger ledger,
    IConversationMonitor monitor,
    DraftQuestions drafts,
    TimeProvider time,
    ILogger<ConversationPipeline> logger)
{
    public LanguagePolicy Languages => languages;

    /// <param name="takeOverUnfinished">See <see cref="ConversationLedger.OnceAsync"/>.</param>
    public Task<ConversationOutcome> HandleAsync(IncomingMessage message, ReplyDelivery deliver, CancellationToken cancellationToken, bool takeOverUnfinished = false)
    {
        // The adapter decided whether the message is meant for the bot; chatter is not even claimed.
        if (message.ChatKind == ChatKind.Group && !message.Addressed) return Task.FromResult(ConversationOutcome.Ignored);
        return ledger.OnceAsync(message.Platform, message.MessageId, ct => AnswerAsync(message, deliver, ct), cancellationToken, takeOverUnfinished);
    }

    /// <summary>
    /// A question typed but not sent (an inline query, asked anew on every keystroke): answered like any question, but
    /// flood-checked and recorded once per burst of typing (see <see cref="DraftQuestions"/>).
    /// </summary>
    public Task<ConversationOutcome> HandleDraftAsync(IncomingMessage draft, ReplyDelivery deliver, CancellationToken cancellationToken) =>
        ledger.OnceAsync(draft.Platform, draft.MessageId, async ct =>
        {
            var verdict = drafts.Admit(draft);
            if (verdict != FloodVerdict.Allowed)
            {
                if (verdict == FloodVerdict.Notice) await DeliverAsync(draft, SlowDown(draft), deliver, ct);
                return ConversationOutcome.Limited;
            }

            var started = time.GetTimestamp();
            var reply = Preview(draft);
            if (reply.Outcome != ReplyOutcome.Ignored) drafts.Answered(draft, reply, time.GetElapsedTime(started));
            return await DeliverAsync(draft, reply, deliver, ct);
        }, cancellationToken);

    /// <summary>
    /// The adapter's own words (e.g. "I only read text") to a message, in the conversation's language, once per
    /// message id like any reply; not a question, so neither counted nor logged.
    /// </summary>
    public Task<ConversationOutcome> SayAsync(IncomingMessage message, Localized words, ReplyDelivery deliver, CancellationToken cancellationToken) =>
        ledger.OnceAsync(message.Platform, message.MessageId, async ct =>
        {
            var lang = languages.ForWords(message.Platform, message.ConversationId, message.UserLocale);
            return await DeliverAsync(message, new Reply(lang, ReplyOutcome.Invalid, [new Paragraph(words[lang])], [], [], []), deliver, ct);
        }, cancellationToken);

    /// <summary>A platform event that is no question (a poll answer, a quiz button, a chat migration), run once per id.</summary>
    public Task<ConversationOutcome> OnceAsync(string platform, string? id, Func<CancellationToken, Task<ConversationOutcome>> work,
        CancellationToken cancellationToken, bool takeOverUnfinished = false) =>
        ledger.OnceAsync(platform, id, work, cancellationToken, takeOverUnfinished);

    /// <summary>
    /// An answer that is shown but not asked: the articles a follow-up leads to, a probe of the other language. Same
    /// language rule; no ledger, no flood guard, no record.
    /// </summary>
    public Reply Preview(IncomingMessage message)
    {
        try
        {
            return engine.Answer(message.ToQuestion(languages.ChatSetting(message)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAnswerFailed(logger, message.Platform, message.MessageId ?? "-", e);
            return Reply.Ignored(languages.For(message));
        }
    }

    /// <summary>For a caller that holds the event under a lease and writes its outcome itself: see <see cref="ConversationLedger.DeferRecord"/>.</summary>
    public ConversationLedger.DeferredRecord DeferRecord(string platform, string id) => ledger.DeferRecord(platform, id);

    /// <summary>Whether the event was already handled to an end.</summary>
    public bool IsCompleted(string platform, string id) => ledger.IsCompleted(platform, id);

    private async Task<ConversationOutcome> AnswerAsync(IncomingMessage message, ReplyDelivery deliver, CancellationToken cancellationToken)
    {
        var verdict = message.Local ? FloodVerdict.Allowed : monitor.Admit(message.Platform, message.UserId);
        if (verdict != FloodVerdict.Allowed)
        {
            if (verdict == FloodVerdict.Notice) await DeliverAsync(message, SlowDown(message), deliver, cancellationToken);

            return ConversationOutcome.Limited;
        }

        var started = time.GetTimestamp();
        Reply reply;
        var failed = false;
        try
        {
            reply = engine.Answer(message.ToQuestion(languages.ChatSetting(message)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine is built never to throw; if it does, the user gets an apology and the log gets the details.
            LogAnswerFailed(logger, message.Platform, message.MessageId ?? "-", e);
            var lang = languages.For(message);
            reply = Fallback(lang, UiText.InternalError[lang]);
            failed = true;
        }

        if (reply.Outcome == ReplyOutcome.Ignored)
        {
            // A chat platform stays silent; a terminal owes every line an answer, so it says why.
            if (!message.Local) return ConversationOutcome.Ignored;
            reply = new Reply(reply.Lang, ReplyOutcome.Ignored, [new Paragraph(UiText.ForAnotherBot(message.Text.Trim())[reply.Lang])], [], [], []);
            await DeliverAsync(message, reply, deliver, cancellationToken);
            return ConversationOutcome.Ignored;
        }

        if (reply.LanguageChange is { } chosen) languages.Remember(message, chosen);
        if (!failed) monitor.Answered(message, reply, time.GetElapsedTime(started));
        var delivered = await DeliverAsync(message, reply, deliver, cancellationToken);
        return failed ? ConversationOutcome.Failed : delivered;
    }

    private async Task<ConversationOutcome> DeliverAsync(IncomingMessage message, Reply reply, ReplyDelivery deliver, CancellationToken cancellationToken)
    {
        try
        {
            await deliver(reply, cancellationToken);
            return ConversationOutcome.Sent;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ReplyNotDeliveredException)
        {
            return ConversationOutcome.Failed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogDeliveryFailed(logger, message.Platform, message.MessageId ?? "-", e.GetType().Name, e.Message, e.StackTrace ?? "");
            return ConversationOutcome.Failed;
        }
    }

    private Reply SlowDown(IncomingMessage message)
    {
        var lang = languages.For(message);
        return Fallback(lang, UiText.SlowDown(monitor.FloodWindow)[lang]);
    }

    private static Reply Fallback(Lang lang, string text) => new(lang, ReplyOutcome.Invalid, [new Paragraph(text)], [], [], []);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error, Message = "Answering {Platform} message {Id} failed")]
    private static partial void LogAnswerFailed(ILogger logger, string platform, string id, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error, Message = "Delivering the reply to {Platform} message {Id} failed: {ErrorType}: {Error}\n{StackTrace}")]
    private static partial void LogDeliveryFailed(ILogger logger, string platform, string id, string errorType, string error, string stackTrace);
}
