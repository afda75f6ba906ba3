using Lucene.Net.Tartarus.Snowball.Ext;

namespace ClusterBot.Core.Text;

/// <summary>
/// Snowball stemming (Lucene.Net's Russian and English stemmers) chosen per word by its script,
/// so "кластеров"/"кластеры" and "clusters"/"cluster" meet at one stem.
/// </summary>
public static class WordStemmer
{
    // Snowball stemmers keep state between calls, so each thread gets its own pair.
    [ThreadStatic] private static RussianStemmer? s_russian;
    [ThreadStatic] private static EnglishStemmer? s_english;

    public static string Stem(string token)
    {
        if (token.Length < 3 || !char.IsLetter(token[0]))
        {
            return token;
        }

        if (Script.IsCyrillic(token[0]))
        {
            var ru = s_russian ??= new RussianStemmer();
            ru.SetCurrent(token);
            ru.Stem();
            return TrimVowels(ru.Current);
        }

        if (token[0] is >= 'a' and <= 'z')
        {
            if (EnglishApart.TryGetValue(token, out var apart)) return apart;
            var en = s_english ??= new EnglishStemmer();
            en.SetCurrent(token);
            en.Stem();
            return en.Current;
        }

        return token;
    }

    /// <summary>
    /// English words Snowball brings to another word's stem, kept apart: "authorities" is not "authors", "universal"
    /// not "universities", "organization" not "organ".
    /// </summary>
    private static readonly Dictionary<string, string> EnglishApart = new(StringComparer.Ordinal)
    {
        ["authority"] = "authorit", ["authorities"] = "authorit",
        ["universal"] = "universal", ["universally"] = "universal",
        ["organization"] = "organis", ["organizations"] = "organis", ["organisation"] = "organis", ["organisations"] = "organis",
    };

    /// <summary>
    /// Snowball leaves a final vowel on some Russian nouns ("корея" → "коре" but "корее" → "кор"), so trailing
    /// vowels and soft signs are cut for every Russian stem alike: both sides of a comparison meet again.
    /// </summary>
    private static string TrimVowels(string stem)
    {
        var end = stem.Length;
        while (end > 3 && "аеиоуыэюяйь".Contains(stem[end - 1], StringComparison.Ordinal)) end--;
        return end == stem.Length ? stem : stem[..end];
    }

    /// <summary>Tokenises and stems a text.</summary>
    public static List<string> StemAll(string? text) => TextNormaliser.Tokenise(text).Select(Stem).ToList();
}
