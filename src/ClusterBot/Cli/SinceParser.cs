using System.Globalization;

namespace ClusterBot.Cli;

/// <summary>Reads a report's --since: a period back from now ("7d", "12h", "2w") or a date ("2026-11-01").</summary>
public static class SinceParser
{
    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        text = text.Trim().ToLowerInvariant();
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 36500)
        {
            TimeSpan? span = text[^1] switch
            {
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                _ => null,
            };
            if (span is { } s)
            {
                since = now - s;
                return true;
            }
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out since))
        {
            return true;
        }

        since = default;
        return false;
    }
}
