namespace ClusterBot.Core.Text;

/// <summary>
/// Function words a text writes in capitals as acronyms: "US" is the country, "IT" information technology, though "us"
/// and "it" are stop words. A message in capitals throughout shouts; its words are no acronyms.
/// </summary>
public static partial class Acronyms
{
    public static IReadOnlySet<string> StopWordsIn(string text)
    {
        var letters = text.Count(char.IsLetter);
        if (letters == 0 || text.Count(char.IsUpper) * 2 > letters) return EmptySet;
        return CapitalWord().Matches(text).Select(m => m.Value.ToLowerInvariant()).Where(StopWords.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The text's tokens that carry content: no stop words, but the acronyms written as such.</summary>
    public static IEnumerable<string> ContentTokens(string text)
    {
        var acronyms = StopWordsIn(text);
        return TextNormaliser.Tokenise(text).Where(t => IsContent(t, acronyms));
    }

    /// <summary>Whether a token of a text carries content: no stop word, unless the text writes it as an acronym.</summary>
    public static bool IsContent(string token, IReadOnlySet<string> acronymsInText) => !StopWords.Contains(token) || acronymsInText.Contains(token);

    private static readonly HashSet<string> EmptySet = new(StringComparer.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\p{L})[A-Z]{2,3}(?!\p{L})", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CapitalWord();
}
