using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Operations;
using ClusterBot.Core.Text;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Core.Conversations;

/// <summary>What the running bot keeps an eye on around each question: flood control in front, metrics and the question log behind.</summary>
public interface IConversationMonitor
{
    /// <summary>Whether the user may ask now; a null user (a local chat) always may.</summary>
    FloodVerdict Admit(string platform, string? userId);

    /// <summary>How long a paused user waits at most (for the notice).</summary>
    TimeSpan FloodWindow { get; }

    /// <summary>Records an answered question (any outcome but Ignored).</summary>
    void Answered(IncomingMessage message, Reply reply, TimeSpan elapsed);
}

/// <summary>Tools (`ask`) and tests answer without monitoring: nobody is paused and nothing is recorded.</summary>
public sealed class UnmonitoredConversations : IConversationMonitor
{
    public FloodVerdict Admit(string platform, string? userId) => FloodVerdict.Allowed;

    public TimeSpan FloodWindow => TimeSpan.Zero;

    public void Answered(IncomingMessage message, Reply reply, TimeSpan elapsed)
    {
    }
}

/// <summary>
/// Per-user flood control, the answer metrics and the question log for the curator's reports. Recording never costs
/// the student an answer: a failing log is logged and skipped.
/// </summary>
public sealed partial class MonitoredConversations(
    InboundFloodGuard guard,
    IQuestionLog log,
    ClusterBotMetrics metrics,
    TimeProvider time,
    ILogger<MonitoredConversations> logger) : IConversationMonitor
{
    public TimeSpan FloodWindow => guard.Window;

    public FloodVerdict Admit(string platform, string? userId)
    {
        if (userId is not { Length: > 0 }) return FloodVerdict.Allowed;
        var verdict = guard.Check(platform, userId);
        if (verdict != FloodVerdict.Allowed) metrics.Limited(platform);
        return verdict;
    }

    public void Answered(IncomingMessage message, Reply reply, TimeSpan elapsed)
    {
        metrics.Answered(message.Platform, reply.Outcome, elapsed);
        try
        {
            var command = CommandParser.Parse(message.Text)?.Name;
            var normalised = reply.Answered ? null : Truncate(TextNormaliser.Normalise(message.Text), 300);
            log.Record(new QuestionRecord(time.GetUtcNow(), message.Platform, command, reply.Outcome, normalised, reply.ClosestId));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecordFailed(logger, ex);
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Could not record a question for the reports")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
