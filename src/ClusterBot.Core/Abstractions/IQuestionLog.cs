using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Abstractions;

/// <summary>
/// One question as the curator's reports see it: no user or chat id, so nothing identifies a student.
/// The normalised text is kept only for questions that were not answered (the curator's to-do list).
/// </summary>
public sealed record QuestionRecord(
    DateTimeOffset At,
    string Platform,
    string? Command,
    ReplyOutcome Outcome,
    string? Normalised,
    string? Closest);

/// <summary>Where questions are recorded for the usage and unanswered reports.</summary>
public interface IQuestionLog
{
    void Record(QuestionRecord record);

    /// <summary>Deletes records older than the retention period; returns how many.</summary>
    int Prune(TimeSpan olderThan);
}
