namespace ClusterBot.Core.Text;

/// <summary>
/// Cuts a text into its sentences, the one rule every reader of a text uses. A sentence ends at a full stop, "!" or "?"
/// followed by a space and a capital or an opening quote. It does not end inside quotation marks ("the competition
/// 'Leading-Edge Clusters – more innovation. More growth' is …"), at an abbreviation before a small letter ("2004–2009 гг.
/// и"), nor at an item's number inside a sentence ("unchanged since 2021: 1. Tokyo–Yokohama, 2. Shenzhen").
/// </summary>
public static class Sentences
{
    private const string Opening = "«“„‘";
    private const string Closing = "»”’";

    public static List<string> Of(string? text)
    {
        var sentences = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return sentences;
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Opening.Contains(c) || IsStraightQuote(text, i) && OpensQuote(text, i)) depth++;
            else if ((Closing.Contains(c) || IsStraightQuote(text, i) && depth > 0 && ClosesQuote(text, i)) && depth > 0) depth--;
            if (depth > 0 || !EndsSentence(text, i)) continue;
            Add(text[start..(i + 1)]);
            start = i + 1;
        }

        Add(text[start..]);
        return sentences;

        void Add(string sentence)
        {
            if (sentence.Trim() is { Length: > 0 } trimmed) sentences.Add(trimmed);
        }
    }

    /// <summary>Whether the stop at i (or a closing quote right after one) ends a sentence.</summary>
    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        var stop = c is '.' or '!' or '?' || (Closing.Contains(c) || c is '\'' or '"') && i > 0 && text[i - 1] is '.' or '!' or '?';
        if (!stop || i + 2 >= text.Length || !char.IsWhiteSpace(text[i + 1])) return false;
        // The stop of "…growth.'" is the quote's; the sentence ends after the quote.
        if (c is '.' or '!' or '?' && (Closing.Contains(text[i + 1]) || text[i + 1] is '\'' or '"')) return false;
        var next = text.AsSpan(i + 1).TrimStart();
        if (next.IsEmpty || !(char.IsUpper(next[0]) || Opening.Contains(next[0]) || next[0] is '\'' or '"')) return false;
        return c is not '.' || !AfterItemNumber(text, i);
    }

    /// <summary>"…: 1. Tokyo": a number of one or two digits that stands alone before the stop.</summary>
    private static bool AfterItemNumber(string text, int stop)
    {
        var digits = 0;
        while (stop - digits - 1 >= 0 && char.IsAsciiDigit(text[stop - digits - 1])) digits++;
        if (digits is 0 or > 2) return false;
        var before = stop - digits - 1;
        return before < 0 || char.IsWhiteSpace(text[before]) || text[before] is ',' or ':' or ';';
    }

    private static bool IsStraightQuote(string text, int i) => text[i] is '\'' or '"';

    /// <summary>A straight quote after a space or a bracket opens: "the 'one village' strategy"; "China's" does not.</summary>
    private static bool OpensQuote(string text, int i) =>
        (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[') && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);

    /// <summary>A straight quote after a word and before a space or a stop closes; the apostrophe of "Korea's" does not.</summary>
    private static bool ClosesQuote(string text, int i) =>
        i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]));
}
