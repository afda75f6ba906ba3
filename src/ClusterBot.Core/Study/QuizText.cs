using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>The words of study mode in both languages; the names and values in them come from the knowledge.</summary>
public static class QuizText
{
    public static Localized FillTheGap(string context) => new($"Что стоит на месте пропуска? {context}", $"What fills the gap? {context}");

    public static Localized PeriodOf(string phase, string owner) => new(
        $"Какие годы статья называет для этапа «{phase}» ({owner})?",
        $"Which years does the paper give for “{phase}” ({owner})?");

    public static Localized Period(int? start, int? end) => (start, end) switch
    {
        ({ } s, { } e) => new($"{s}–{e}", $"{s}–{e}"),
        ({ } s, null) => new($"с {s} года", $"from {s}"),
        (null, { } e) => new($"до {e} года", $"until {e}"),
        _ => new("", ""),
    };

    public static Localized PairOf(string context, string name) => new(
        $"{context} Что статья указывает для «{name}»?",
        $"{context} What does the paper give for “{name}”?");

    public static Localized PlaceIn(string context, int place) => new(
        $"{context} Что в этом списке стоит под номером {place}?",
        $"{context} Which is number {place} in this list?");

    public static Localized OwnerOf(string statement) => new(
        $"О какой стране это говорится в статье? «{statement}»",
        $"Which country does the paper say this of? “{statement}”");

    public static readonly Localized AnswerHint = new("Ответьте номером варианта.", "Answer with the option's number.");

    public static readonly Localized NoQuestions = new(
        "Для этой темы у меня пока нет вопросов. Попробуйте /quiz без темы.",
        "I have no questions on that topic yet. Try /quiz with no topic.");

    public static Localized UnknownTopic(string topic, string known) => new(
        $"Не знаю темы «{topic}». Темы: {known}.",
        $"I don't know the topic “{topic}”. Topics: {known}.");

    public static readonly Localized Right = new("✅ Верно!", "✅ Right!");

    public static Localized Wrong(int number, string option) => new($"❌ Неверно. Правильный ответ: {number}. {option}", $"❌ Not quite. The answer is {number}. {option}");

    public static readonly Localized AlreadyAnswered = new(
        "Вы уже ответили на этот вопрос: засчитывается первый ответ.",
        "You have already answered this one: the first answer counts.");

    public static readonly Localized Expired = new("Этот вопрос уже закрыт. Новый: /quiz", "That question is closed. A new one: /quiz");

    public static readonly Localized ScoreHeading = new("Рейтинг чата (верные ответы):", "This chat's leaderboard (right answers):");

    public static readonly Localized NoScores = new("В этом чате ещё никто не отвечал. Начните с /quiz", "Nobody in this chat has answered yet. Start with /quiz");

    public static readonly Localized NoScoreHere = new(
        "Очки ведутся в чатах бота (Telegram, Discord, консоль).",
        "Scores are kept in the bot's chats (Telegram, Discord, the console).");

    public static Localized ScoreLine(string name, int right, int answered, int streak, int best) => new(
        $"{name}: {right} из {answered}, серия {streak} (лучшая {best})",
        $"{name}: {right} of {answered}, streak {streak} (best {best})");

    public static Localized MyScore(int right, int answered, int streak, int best, int place) => new(
        $"Ваш счёт: {right} верных из {answered}, серия {streak} (лучшая {best}), место {place}.",
        $"Your score: {right} right of {answered}, streak {streak} (best {best}), place {place}.");

    public static readonly Localized MeNone = new("Вы ещё не отвечали в этом чате. Попробуйте /quiz", "You have not answered in this chat yet. Try /quiz");

    public static Localized Tally(int answered, int right) => new($"Ответили: {answered}, верно: {right}", $"Answered: {answered}, right: {right}");

    public static readonly Localized TimelineHeading = new("Периоды по статье", "Periods in the paper");

    public static readonly Localized NoTimeline = new(
        "Для этого статья не называет периодов.",
        "The paper gives no periods for that.");

    public static readonly Localized TimelineAs = new("Хронология", "Timeline");
}
