using System.Text;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

public enum ReplyOutcome
{
    /// <summary>Content from the knowledge base: facts, a list, help.</summary>
    Answered,
    /// <summary>A question in scope that the knowledge base cannot answer confidently.</summary>
    NotFound,
    /// <summary>A question about something the paper does not cover.</summary>
    OutOfScope,
    /// <summary>Empty, too long or unreadable input, or an unknown command.</summary>
    Invalid,
    /// <summary>Nothing to say: group chatter not addressed to the bot, or a command for another bot.</summary>
    Ignored,
}

/// <summary>A block of reply text; adapters render each in their platform's markup.</summary>
public abstract record ReplyBlock;

public sealed record Heading(string Text) : ReplyBlock;

public sealed record Paragraph(string Text) : ReplyBlock;

public sealed record BulletList(IReadOnlyList<string> Items, bool Numbered = false) : ReplyBlock;

/// <summary>A citation of the paper as shown to the user.</summary>
public sealed record Citation(string Section, IReadOnlyList<int> Refs, string Text);

/// <summary>A suggested next question: a label to show and the command it runs.</summary>
public sealed record FollowUp(string Label, string Command);

/// <summary>The platform-neutral reply of the core.</summary>
public sealed record Reply(
    Lang Lang,
    ReplyOutcome Outcome,
    IReadOnlyList<ReplyBlock> Blocks,
    IReadOnlyList<Citation> Citations,
    IReadOnlyList<string> FactIds,
    IReadOnlyList<FollowUp> FollowUps)
{
    public bool Answered => Outcome == ReplyOutcome.Answered;

    /// <summary>For a reply that found no confident answer: the id of the closest fact, for the curator's report.</summary>
    public string? ClosestId { get; init; }

    /// <summary>For a free-text question that reached the confidence check: the evidence and score that decided it.</summary>
    public AnswerEvidence? Evidence { get; init; }

    /// <summary>Set by /lang: the adapter stores it as the chat's reply language.</summary>
    public Lang? LanguageChange { get; init; }

    /// <summary>Set by /quiz: the question, which an adapter shows natively (a quiz poll, buttons) where it can.</summary>
    public Study.QuizQuestion? Quiz { get; init; }

    /// <summary>Set by /timeline: the periods, which an adapter sends as a picture where one can be drawn.</summary>
    public Study.Timeline? Timeline { get; init; }

    public static Reply Ignored(Lang lang) => new(lang, ReplyOutcome.Ignored, [], [], [], []);

    /// <summary>The reply as plain text, citation footer included: what a user reads without markup.</summary>
    public string ToPlainText()
    {
        var sb = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (sb.Length > 0) sb.Append('\n');
            switch (block)
            {
                case Heading h:
                    sb.Append(h.Text);
                    break;
                case Paragraph p:
                    sb.Append(p.Text);
                    break;
                case BulletList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        if (i > 0) sb.Append('\n');
                        sb.Append(list.Numbered ? $"{i + 1}. " : "• ").Append(list.Items[i]);
                    }

                    break;
            }
        }

        foreach (var c in Citations)
        {
            sb.Append('\n').Append(c.Text);
        }

        return sb.ToString();
    }
}
