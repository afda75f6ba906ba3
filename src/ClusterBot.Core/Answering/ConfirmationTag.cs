namespace ClusterBot.Core.Answering;

/// <summary>
/// "TORCH was launched in the 1980s, yes?", "…, правда?", "…, верно?": a claim put up for confirmation. The tag asks
/// for yes or no; it is not a word of what the claim is about.
/// </summary>
public static class ConfirmationTag
{
    private static readonly string[][] Tags =
    [
        ["right"], ["yes"], ["correct"], ["true"], ["ok"], ["isn", "t", "it"], ["doesn", "t", "it"], ["didn", "t", "it"], ["wasn", "t", "it"],
        ["правда"], ["верно"], ["да"], ["так"], ["ведь", "так"], ["не", "так", "ли"], ["так", "ли"], ["не", "правда", "ли"],
    ];

    /// <summary>One-word tags that close a claim with no comma or question mark before them.</summary>
    private static readonly HashSet<string> Unpunctuated = new(StringComparer.Ordinal) { "правда", "верно", "да", "right", "correct" };

    /// <summary>
    /// The positions of the tag's words: only a tag that closes the question, after a comma or a dash, before the final
    /// question mark, or a closing "правда", "верно", "да", "right" however written after a claim of three words; always after a
    /// claim of two words or more.
    /// </summary>
    public static IReadOnlyCollection<int> Positions(string text, IReadOnlyList<string> tokens)
    {
        var trimmed = text.TrimEnd();
        var before = trimmed.TrimEnd('?', '!', ' ', '.');
        foreach (var tag in Tags)
        {
            var start = tokens.Count - tag.Length;
            if (start < 2 || !Text.Phrases.StartsOf(tokens, tag).Contains(start)) continue;
            var tagAt = before.Length - string.Join(' ', tag).Length;
            var separated = before.LastIndexOfAny([',', '—', '–', '-']) is var sep and >= 0 && before[(sep + 1)..].Count(char.IsLetter) <= tag.Sum(w => w.Length) + 1;
            // "… больше 70 правда", "gumi is the car cluster right": a claim of three words or more may close with a
            // one-word tag and nothing else, as chat is written.
            if (separated || trimmed.EndsWith('?') && tagAt > 0 || Unpunctuated.Contains(tag[0]) && tag.Length == 1 && start >= 3)
            {
                return Enumerable.Range(start, tag.Length).ToHashSet();
            }
        }

        return [];
    }
}
