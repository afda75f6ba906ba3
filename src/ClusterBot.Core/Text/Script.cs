using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Text;

/// <summary>Which alphabet a text is written in: Cyrillic means Russian, Latin means English.</summary>
public static class Script
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    public static bool IsLatin(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>The language the letters of a text show, or null when it has no letters of either alphabet.</summary>
    public static Lang? Detect(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
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
