namespace ClusterBot.Core.Text;

/// <summary>Whether a text states a small count, in digits or in words ("7", "seven", "три", "трёх").</summary>
public static class NumberWords
{
    private static readonly string[][] Words =
    [
        [],
        ["один", "одна", "одно", "одного", "одной", "one"],
        ["два", "две", "двух", "two"],
        ["три", "трёх", "трех", "three"],
        ["четыре", "четырёх", "четырех", "four"],
        ["пять", "пяти", "five"],
        ["шесть", "шести", "six"],
        ["семь", "семи", "seven"],
        ["восемь", "восьми", "eight"],
        ["девять", "девяти", "nine"],
        ["десять", "десяти", "ten"],
    ];

    /// <summary>The small count a token states ("3", "три", "three"), or null.</summary>
    public static int? CountOf(string token)
    {
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        for (var i = 1; i < Words.Length; i++)
        {
            if (Words[i].Contains(token)) return i;
        }

        return null;
    }

    public static bool States(string text, int count)
    {
        var tokens = TextNormaliser.Tokenise(text).ToHashSet(StringComparer.Ordinal);
        return tokens.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture)) ||
            count < Words.Length && Words[count].Any(tokens.Contains);
    }
}
