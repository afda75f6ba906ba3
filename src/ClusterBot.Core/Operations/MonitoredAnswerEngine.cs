using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Core.Operations;

/// <summary>
/// The engine as the running bot uses it: per-user flood control in front, metrics and the question log
/// behind. Recording never costs the student an answer: a failing log is logged and skipped.
/// </summary>
public sealed partial class MonitoredAnswerEngine(
    AnswerEngine engine,
    InboundFloodGuard guard,
    IQuestionLog log,
    ClusterBotMetrics metrics,
    TimeProvider time,
    ILogger<MonitoredAnswerEngine> logger) : IAnswerEngine
{
    public Reply Answer(Question question)
    {
        if (question.UserId is { Length: > 0 } userId)
        {
            var verdict = guard.Check(question.Platform, userId);
            if (verdict != FloodVerdict.Allowed)
            {
                metrics.Limited(question.Platform);
                var lang = question.PreferredLanguage ?? Script.Detect(question.Text) ?? Knowledge.Lang.Ru;
                return verdict == FloodVerdict.Notice
                    ? AnswerEngine.Fallback(lang, ReplyOutcome.Invalid, UiText.SlowDown(guard.Window)[lang])
                    : Reply.Ignored(lang);
            }
        }

        var started = time.GetTimestamp();
        var reply = engine.Answer(question);
        if (reply.Outcome == ReplyOutcome.Ignored)
        {
            return reply;
        }

        metrics.Answered(question.Platform, reply.Outcome, time.GetElapsedTime(started));
        try
        {
            var command = CommandParser.Parse(question.Text ?? "")?.Name;
            var normalised = reply.Answered ? null : Truncate(TextNormaliser.Normalise(question.Text), 300);
            log.Record(new QuestionRecord(time.GetUtcNow(), question.Platform, command, reply.Outcome, normalised, reply.ClosestId));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecordFailed(logger, ex);
        }

        return reply;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a question for the reports")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
