using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data.Study;

/// <summary>
/// Quizzes and their answers in the state database, so scores survive restarts and count the same on every
/// instance. The answers' key (platform, question, user) is what makes a second press count for nothing.
/// </summary>
public sealed class QuizStore(StateDatabase database) : IQuizStore
{
    public void Open(OpenQuiz quiz, DateTimeOffset at)
    {
        using var c = database.Open();
        c.Execute("""
            INSERT INTO quizzes (platform, quiz_key, chat_id, question_id, lang, correct, correct_option, option_count, explanation, opened_at)
            VALUES (@Platform, @QuizKey, @ChatId, @QuestionId, @lang, @Correct, @CorrectOption, @OptionCount, @Explanation, @at)
            ON CONFLICT (platform, quiz_key) DO NOTHING
            """,
            new { quiz.Platform, quiz.QuizKey, quiz.ChatId, quiz.QuestionId, lang = quiz.Lang.Code(), quiz.Correct, quiz.CorrectOption, quiz.OptionCount, quiz.Explanation,
                at = database.Dialect.Stamp(at) });
    }

    public OpenQuiz? Find(string platform, string quizKey)
    {
        using var c = database.Open();
        var row = c.QuerySingleOrDefault<QuizRow>("""
            SELECT platform, quiz_key AS QuizKey, chat_id AS ChatId, question_id AS QuestionId, lang, correct, correct_option AS CorrectOption,
                   option_count AS OptionCount, explanation
            FROM quizzes WHERE platform = @platform AND quiz_key = @quizKey
            """, new { platform, quizKey });
        return row is null ? null : new OpenQuiz(row.Platform, row.QuizKey, row.ChatId, row.QuestionId, LangExtensions.ParseLang(row.Lang) ?? Lang.Ru,
            (int)row.Correct, row.CorrectOption, (int)row.OptionCount, row.Explanation);
    }

    public bool Record(OpenQuiz quiz, string userId, string userName, int choice, DateTimeOffset at)
    {
        using var c = database.Open();
        return c.Execute("""
            INSERT INTO quiz_answers (platform, quiz_key, user_id, chat_id, user_name, choice, is_right, answered_at)
            VALUES (@Platform, @QuizKey, @userId, @ChatId, @userName, @choice, @right, @at)
            ON CONFLICT (platform, quiz_key, user_id) DO NOTHING
            """,
            new { quiz.Platform, quiz.QuizKey, userId, quiz.ChatId, userName, choice, right = choice == quiz.Correct ? 1 : 0, at = database.Dialect.Stamp(at) }) == 1;
    }

    public IReadOnlyList<int> Tally(string platform, string quizKey)
    {
        using var c = database.Open();
        var counts = c.Query<ChoiceCount>(
            "SELECT choice AS Choice, count(*) AS Count FROM quiz_answers WHERE platform = @platform AND quiz_key = @quizKey GROUP BY choice", new { platform, quizKey }).AsList();
        var size = counts.Count == 0 ? 0 : (int)counts.Max(x => x.Choice) + 1;
        var tally = new int[size];
        foreach (var row in counts) tally[row.Choice] = (int)row.Count;
        return tally;
    }

    public IReadOnlyList<QuizAnswer> Answers(string platform, string chatId)
    {
        using var c = database.Open();
        // Rows in order of arrival: the time, then the insertion order for answers within one tick.
        return c.Query<AnswerRow>("""
            SELECT user_id AS UserId, user_name AS UserName, is_right AS IsRight, answered_at AS AnsweredAt
            FROM quiz_answers WHERE platform = @platform AND chat_id = @chatId ORDER BY answered_at
            """, new { platform, chatId })
            .Select(r => new QuizAnswer(r.UserId, r.UserName, r.IsRight == 1, ReadStamp(r.AnsweredAt))).ToList();
    }

    private static DateTimeOffset ReadStamp(object value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        DateTimeOffset dto => dto,
        string s => DateTimeOffset.Parse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidDataException($"Unexpected time value {value.GetType().Name}"),
    };

    // Settable rows: the two engines hand back integers as different types (int, long), which Dapper converts on set.
    // Internal, not private: the generated readers live outside this class.
    internal sealed class ChoiceCount
    {
        public long Choice { get; init; }
        public long Count { get; init; }
    }

    internal sealed class QuizRow
    {
        public string Platform { get; init; } = "";
        public string QuizKey { get; init; } = "";
        public string ChatId { get; init; } = "";
        public string QuestionId { get; init; } = "";
        public string Lang { get; init; } = "";
        public long Correct { get; init; }
        public string CorrectOption { get; init; } = "";
        public long OptionCount { get; init; }
        public string Explanation { get; init; } = "";
    }

    internal sealed class AnswerRow
    {
        public string UserId { get; init; } = "";
        public string UserName { get; init; } = "";
        public long IsRight { get; init; }
        public object AnsweredAt { get; init; } = "";
    }
}
