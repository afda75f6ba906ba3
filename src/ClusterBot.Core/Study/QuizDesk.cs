using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>An answer as the desk took it: right or not, whether it counted (a first answer), and what to tell the answerer.</summary>
public sealed record QuizVerdict(OpenQuiz Quiz, int Choice, bool Right, bool Counted)
{
    /// <summary>"Right!" or "Not quite: the answer is …", then the explanation.</summary>
    public string Text => string.Join("\n", new[]
    {
        Counted ? null : QuizText.AlreadyAnswered[Quiz.Lang],
        Right ? QuizText.Right[Quiz.Lang] : QuizText.Wrong(Quiz.Correct + 1, Quiz.CorrectOption)[Quiz.Lang],
        Quiz.Explanation,
    }.OfType<string>());

    public Reply ToReply() => new(Quiz.Lang, ReplyOutcome.Answered, Text.Split('\n').Select(l => (ReplyBlock)new Paragraph(l)).ToList(), [], [], []);
}

/// <summary>
/// Where every front end brings its quizzes: a question put to a chat is opened under the platform's handle for
/// it, answers are checked against it and counted once per user, and the chat's scores are read back.
/// </summary>
public sealed class QuizDesk(IQuizStore store, TimeProvider time)
{
    public OpenQuiz Open(string platform, string chatId, string quizKey, QuizQuestion question)
    {
        var quiz = new OpenQuiz(platform, quizKey, chatId, question.Id, question.Lang, question.Correct, question.CorrectOption, question.Options.Count,
            question.Explanation);
        store.Open(quiz, time.GetUtcNow());
        return quiz;
    }

    /// <summary>The answer checked and (if it is the user's first on this question) counted; null for a question the store does not hold.</summary>
    public QuizVerdict? Answer(string platform, string quizKey, string userId, string userName, int choice)
    {
        if (store.Find(platform, quizKey) is not { } quiz || choice < 0 || choice >= quiz.OptionCount) return null;
        var counted = store.Record(quiz, userId, userName, choice, time.GetUtcNow());
        return new QuizVerdict(quiz, choice, choice == quiz.Correct, counted);
    }

    /// <summary>How many answered and how many of them were right.</summary>
    public (int Answered, int Right) Tally(OpenQuiz quiz)
    {
        var counts = store.Tally(quiz.Platform, quiz.QuizKey);
        return (counts.Sum(), quiz.Correct < counts.Count ? counts[quiz.Correct] : 0);
    }

    public Reply Score(string platform, string chatId, string? userId, bool onlyMe, Lang lang) =>
        ScoreReply(store.Answers(platform, chatId), userId, onlyMe, lang);

    private const int BoardSize = 10;

    public static Reply ScoreReply(IEnumerable<QuizAnswer> answers, string? userId, bool onlyMe, Lang lang)
    {
        var board = ScoreBoard.Of(answers);
        if (onlyMe)
        {
            var place = board.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.UserId == userId);
            return place.s is { } me
                ? AnswerEngine.Fallback(lang, ReplyOutcome.Answered, QuizText.MyScore(me.Right, me.Answered, me.Streak, me.BestStreak, place.i + 1)[lang])
                : AnswerEngine.Fallback(lang, ReplyOutcome.Answered, QuizText.MeNone[lang]);
        }

        if (board.Count == 0) return AnswerEngine.Fallback(lang, ReplyOutcome.Answered, QuizText.NoScores[lang]);
        var lines = board.Take(BoardSize).Select(s => QuizText.ScoreLine(s.Name, s.Right, s.Answered, s.Streak, s.BestStreak)[lang]).ToList();
        return new Reply(lang, ReplyOutcome.Answered, [new Paragraph(QuizText.ScoreHeading[lang]), new BulletList(lines, Numbered: true)], [], [], []);
    }
}
