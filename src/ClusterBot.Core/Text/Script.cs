using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Text;

/// <summary>Which alphabet a text is written in: Cyrillic means Russian, Latin means English.</summary>
public static class Script
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    public static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>
    /// The language of a text, or null when it has no letters of either alphabet. Function words decide first
    /// ("Что такое go-cluster?" is Russian however many Latin letters the name has); letters break a tie.
    /// </summary>
    public static Lang? Detect(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        int russianWords = 0, englishWords = 0;
        foreach (var token in TextNormaliser.Tokenise(text.Length > 400 ? text[..400] : text))
        {
            if (!StopWords.Contains(token)) continue;
            if (IsCyrillic(token[0])) russianWords++;
            else if (IsLatin(token[0])) englishWords++;
        }

        if (russianWords != englishWords) return russianWords > englishWords ? Lang.Ru : Lang.En;

        int cyrillic = 0, latin = 0;
        foreach (var c in text)
        {
            if (IsCyrillic(c)) cyrillic++;
            else if (IsLatin(c)) latin++;
        }

        if (cyrillic == 0 && latin == 0) return null;
        return cyrillic >= latin ? Lang.Ru : Lang.En;
    }
}
