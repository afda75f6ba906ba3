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
            return ru.Current;
        }

        if (token[0] is >= 'a' and <= 'z')
        {
            var en = s_english ??= new EnglishStemmer();
            en.SetCurrent(token);
            en.Stem();
            return en.Current;
        }

        return token;
    }

    /// <summary>Tokenises and stems a text.</summary>
    public static List<string> StemAll(string? text) => TextNormaliser.Tokenise(text).Select(Stem).ToList();
}
