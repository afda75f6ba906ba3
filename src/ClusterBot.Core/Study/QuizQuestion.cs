using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>What a question asks for; its wrong options are always of the same kind.</summary>
public enum QuizKind
{
    /// <summary>A figure or count blanked out of a fact.</summary>
    Figure,
    /// <summary>A year blanked out of a dated fact.</summary>
    Year,
    /// <summary>The years of a phase or stage.</summary>
    Period,
    /// <summary>What a list gives for one of its names (a cluster's industry).</summary>
    ListPair,
    /// <summary>Which item holds a place in an ordered list (the GII top five).</summary>
    ListPlace,
    /// <summary>Which country a statement of the paper is about.</summary>
    Owner,
}

/// <summary>
/// One multiple-choice question in one language. The right option and the explanation come from one knowledge
/// entry (<see cref="SourceId"/>); the wrong options are other values of the same kind that the paper gives.
/// </summary>
/// <param name="Id">Stable across runs for the same knowledge: the entry, the kind and what is asked of it.</param>
/// <param name="Answer">The fact as the paper states it, the right option included.</param>
/// <param name="Quote">The paper's own words behind it, when there are any.</param>
public sealed record QuizQuestion(
    string Id,
    QuizKind Kind,
    Lang Lang,
    string Text,
    IReadOnlyList<string> Options,
    int Correct,
    string SourceId,
    string Answer,
    string? Quote,
    Citation Citation)
{
    public string CorrectOption => Options[Correct];

    /// <summary>For a question on one item of a list fact: the item's place in the list.</summary>
    public int? Item { get; init; }

    /// <summary>The entities the source entry is about: what a topic is matched against.</summary>
    public IReadOnlyList<string> About { get; init; } = [];

    /// <summary>The short explanation a Telegram quiz shows (at most <see cref="QuizLimits.Explanation"/> characters).</summary>
    public string ShortExplanation { get; init; } = "";

    /// <summary>What the answerer reads after answering: the fact, the paper's words and the source.</summary>
    public string Explanation => string.Join("\n", new[]
    {
        Answer,
        Quote is null ? null : UiText.Quoted(Quote, Lang),
        Citation.Text,
    }.OfType<string>());
}

/// <summary>The limits every platform's quiz must fit, the tightest (Telegram's) of each.</summary>
public static class QuizLimits
{
    /// <summary>sendPoll: question 1–300 characters.</summary>
    public const int Question = 300;

    /// <summary>sendPoll: each option 1–100 characters.</summary>
    public const int Option = 100;

    /// <summary>sendPoll: the quiz explanation, 0–200 characters.</summary>
    public const int Explanation = 200;

    /// <summary>Four options: enough to make guessing poor, few enough for a phone screen.</summary>
    public const int MaxOptions = 4;

    public const int MinOptions = 3;
}
