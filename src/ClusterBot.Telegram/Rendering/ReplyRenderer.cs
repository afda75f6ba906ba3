using ClusterBot.Core.Answering;
using Telegram.Bot.Types.ReplyMarkups;

namespace ClusterBot.Telegram.Rendering;

/// <summary>A reply as Telegram messages: HTML texts in order, the keyboard going under the last one.</summary>
public sealed record RenderedReply(IReadOnlyList<string> Messages, InlineKeyboardMarkup? Keyboard);

/// <summary>
/// Renders the core's reply blocks in Telegram HTML. Every piece of text is escaped, the citation becomes an
/// italic footer, and a reply over Telegram's 4096-character limit is split between blocks, so no message
/// ever breaks a tag or a sentence when a block boundary is available.
/// </summary>
public sealed class ReplyRenderer(FollowUpKeyboard keyboard)
{
    public const int MaxMessageLength = 4096;

    public RenderedReply Render(Reply reply, int maxLength = MaxMessageLength)
    {
        var units = new List<Unit>();
        foreach (var block in reply.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    units.AddRange(Pieces(h.Text, maxLength, TelegramHtml.Bold).Select(p => new Unit(p, Gap: "\n\n", TightAfter: true)));
                    break;
                case Paragraph p:
                    units.AddRange(Pieces(p.Text, maxLength, TelegramHtml.Escape).Select(x => new Unit(x, "\n\n")));
                    break;
                case BulletList list:
                    for (var i = 0; i < list.Items.Count; i++)
                    {
                        var marker = list.Numbered ? $"{i + 1}. " : "• ";
                        var gap = i == 0 ? "\n\n" : "\n";
                        units.AddRange(Pieces(list.Items[i], maxLength - marker.Length, TelegramHtml.Escape)
                            .Select((x, k) => new Unit((k == 0 ? marker : "") + x, k == 0 ? gap : "\n")));
                    }

                    break;
            }
        }

        if (reply.Citations.Count > 0)
        {
            // One italic footer; each citation on its own line.
            var footer = string.Join("\n", reply.Citations.Select(c => c.Text));
            units.AddRange(Pieces(footer, maxLength, TelegramHtml.Italic).Select(x => new Unit(x, "\n\n")));
        }

        return new RenderedReply(Pack(units, maxLength), keyboard.Build(reply.FollowUps));
    }

    private static List<string> Pack(List<Unit> units, int maxLength)
    {
        var messages = new List<string>();
        var current = new System.Text.StringBuilder();
        var previousTight = false;
        foreach (var unit in units)
        {
            var gap = current.Length == 0 ? "" : previousTight ? "\n" : unit.Gap;
            if (current.Length > 0 && current.Length + gap.Length + unit.Html.Length > maxLength)
            {
                messages.Add(current.ToString());
                current.Clear();
                gap = "";
            }

            current.Append(gap).Append(unit.Html);
            previousTight = unit.TightAfter;
        }

        if (current.Length > 0) messages.Add(current.ToString());
        return messages;
    }

    /// <summary>
    /// A block's text cut, if it must be, at sentence ends, else at spaces, else anywhere, so that each
    /// piece's rendered HTML fits; each piece is rendered (and tagged) on its own, so tags stay balanced.
    /// </summary>
    internal static IEnumerable<string> Pieces(string text, int maxLength, Func<string, string> render)
    {
        var whole = render(text);
        if (whole.Length <= maxLength)
        {
            yield return whole;
            yield break;
        }

        var rest = text;
        while (rest.Length > 0)
        {
            var take = LongestFittingPrefix(rest, maxLength, render);
            var cut = BestCut(rest, take);
            yield return render(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
    }

    private static int LongestFittingPrefix(string text, int maxLength, Func<string, string> render)
    {
        int lo = 1, hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (render(text[..mid]).Length <= maxLength) lo = mid;
            else hi = mid - 1;
        }

        // Never split a surrogate pair.
        if (lo < text.Length && char.IsHighSurrogate(text[lo - 1]) && lo > 1) lo--;
        return lo;
    }

    private static int BestCut(string text, int take)
    {
        if (take >= text.Length) return text.Length;
        var window = text[..take];
        var sentence = Math.Max(window.LastIndexOf(". ", StringComparison.Ordinal), Math.Max(window.LastIndexOf("! ", StringComparison.Ordinal), window.LastIndexOf("? ", StringComparison.Ordinal)));
        if (sentence > take / 2) return sentence + 1;
        var space = window.LastIndexOfAny([' ', '\n']);
        return space > take / 4 ? space : take;
    }

    /// <param name="Gap">What separates this unit from the previous one.</param>
    /// <param name="TightAfter">A heading: the next unit follows on the next line, not after a blank one.</param>
    private sealed record Unit(string Html, string Gap, bool TightAfter = false);
}
