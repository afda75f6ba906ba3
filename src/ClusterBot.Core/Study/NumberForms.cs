using System.Globalization;
using System.Text.RegularExpressions;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>
/// How a figure is written in the knowledge's texts ("7,300" in English, "7 300" in Russian, "3.6" / "3,6"), so a
/// question can blank out exactly the figure it asks for and show its options the way the text writes figures.
/// </summary>
public static partial class NumberForms
{
    private const string Gap = "___";

    /// <summary>The figure as an option in the language's style.</summary>
    public static string Format(decimal value, Lang lang)
    {
        var text = value == decimal.Truncate(value) && value >= 1_000
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.##", CultureInfo.InvariantCulture);
        if (lang == Lang.Ru)
        {
            text = text.Replace(',', ' ').Replace('.', ',');
        }

        return text;
    }

    /// <summary>
    /// The text with the one place that writes the figure replaced by a gap; null when the text writes it nowhere or
    /// more than once (then a gap would be ambiguous).
    /// </summary>
    public static string? Blank(string text, decimal value)
    {
        var found = Figures().Matches(text).Where(m => Parse(m.Value) == value).ToList();
        return found.Count == 1 ? text[..found[0].Index] + Gap + text[(found[0].Index + found[0].Length)..] : null;
    }

    /// <summary>Every figure the text writes, whatever its style.</summary>
    public static IReadOnlyList<decimal> In(string text) =>
        Figures().Matches(text).Select(m => Parse(m.Value)).OfType<decimal>().ToList();

    private static decimal? Parse(string written)
    {
        var digits = written.Replace(" ", "").Replace("\u00A0", "").Replace("\u202F", "");
        // "7,300" groups thousands; "3,6" (Russian) and "3.6" are decimals.
        if (GroupedThousands().IsMatch(digits)) digits = digits.Replace(",", "");
        digits = digits.Replace(',', '.');
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    // A run of digits, with thousands grouped by a comma or a (no-break) space, and an optional decimal part; not a
    // piece of a longer number or of a word such as "5G".
    [GeneratedRegex(@"(?<![\p{L}\d.,])\d{1,3}(?:(?:,|[ \u00A0\u202F])\d{3})+(?![\d\p{L}])|(?<![\p{L}\d.,])\d+(?:[.,]\d+)?(?![\d\p{L}]|[.,]\d)")]
    private static partial Regex Figures();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+$")]
    private static partial Regex GroupedThousands();
}
