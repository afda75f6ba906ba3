using System.Globalization;
using System.Text;

namespace ClusterBot.Core.Text;

/// <summary>
/// Case, ё/е, punctuation and control characters folded away, so that "Корее?!", "корее" and "КОРЕЕ" compare equal.
/// Digits keep an inner decimal point or comma ("3,6" stays one token) so figures can be matched.
/// </summary>
public static class TextNormaliser
{
    /// <summary>Lower-cased words and numbers of a text, in order.</summary>
    public static List<string> Tokenise(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsZeroWidth(c)) continue;
            if (char.IsLetterOrDigit(c) || c == '\u0301')
            {
                if (c == '\u0301') continue; // combining acute (stress mark) carries no meaning
                current.Append(Fold(c));
                continue;
            }

            // "3,6" / "3.6" / "7 300" stay one number; any other separator ends the token.
            var inNumber = current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);
            if (inNumber && (c is '.' or ','))
            {
                current.Append('.');
                continue;
            }

            if (inNumber && c is ' ' or '\u00a0' or '\u202f' && IsThousandsGroup(text, i + 1) && current.Length <= 3)
            {
                continue;
            }

            // "R&D", "M&A": one abbreviation, not two letters that say nothing.
            if (c == '&' && current.Length == 1 && char.IsLetter(current[0]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) &&
                (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                continue;
            }

            Flush(current, tokens);
        }

        Flush(current, tokens);
        return tokens;
    }

    /// <summary>The tokens joined by single spaces: the canonical form of a text.</summary>
    public static string Normalise(string? text) => string.Join(' ', Tokenise(text));

    /// <summary>True when the text has a character that is neither printable nor ordinary white space.</summary>
    public static bool HasControlCharacters(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t');

    /// <summary>
    /// Control and format characters replaced by spaces, zero-width ones dropped (they sit inside words): what
    /// remains is safe to show and to search.
    /// </summary>
    public static string StripControlCharacters(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (IsZeroWidth(c)) continue;
            var category = char.GetUnicodeCategory(c);
            sb.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Zero-width space, non-joiner, joiner, word joiner and the byte-order mark: invisible, pasted in from web
    /// pages and keyboards, often inside a word, which they would otherwise split in two.
    /// </summary>
    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsThousandsGroup(string text, int start)
    {
        // "7 300" is a thousands group: exactly three digits follow, then a non-digit or the end.
        var n = 0;
        while (start + n < text.Length && char.IsDigit(text[start + n])) n++;
        return n == 3;
    }

    private static char Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        return c == 'ё' ? 'е' : c;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0) return;
        tokens.Add(current.ToString());
        current.Clear();
    }
}
