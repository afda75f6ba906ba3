using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Abstractions;

/// <summary>A question put to a chat, as the store keeps it until it is answered.</summary>
/// <param name="QuizKey">The platform's handle of the question (Telegram's poll id, Discord's message-scoped key).</param>
/// <param name="Explanation">What the answerer reads after answering.</param>
public sealed record OpenQuiz(
    string Platform, string QuizKey, string ChatId, string QuestionId, Lang Lang, int Correct, string CorrectOption, int OptionCount, string Explanation);

/// <summary>One user's counted answer in a chat, for the leaderboard.</summary>
public sealed record QuizAnswer(string UserId, string UserName, bool Right, DateTimeOffset At);

/// <summary>Quiz questions and their answers: one counted answer per user per question, however often they press.</summary>
public interface IQuizStore
{
    void Open(OpenQuiz quiz, DateTimeOffset at);

    OpenQuiz? Find(string platform, string quizKey);

    /// <summary>Records the user's answer; false (and nothing changed) when they had answered this question already.</summary>
    bool Record(OpenQuiz quiz, string userId, string userName, int choice, DateTimeOffset at);

    /// <summary>How many counted answers each option has, by option index.</summary>
    IReadOnlyList<int> Tally(string platform, string quizKey);

    /// <summary>The chat's counted answers, oldest first.</summary>
    IReadOnlyList<QuizAnswer> Answers(string platform, string chatId);
}
