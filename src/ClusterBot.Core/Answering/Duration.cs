using System.Globalization;

namespace ClusterBot.Core.Answering;

/// <summary>A length of time in words: whole minutes as minutes, anything else as seconds.</summary>
internal static class Duration
{
    /// <summary>In the accusative, as after «через»: 1 минуту, 2 минуты, 5 минут.</summary>
    public static string Russian(TimeSpan span)
    {
        var (n, minutes) = Amount(span);
        var form = RussianForm(n);
        var unit = minutes ? new[] { "минуту", "минуты", "минут" }[form] : new[] { "секунду", "секунды", "секунд" }[form];
        return n.ToString(CultureInfo.InvariantCulture) + " " + unit;
    }

    public static string English(TimeSpan span)
    {
        var (n, minutes) = Amount(span);
        return n.ToString(CultureInfo.InvariantCulture) + " " + (minutes ? "minute" : "second") + (n == 1 ? "" : "s");
    }

    private static (long Amount, bool Minutes) Amount(TimeSpan span)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(span.TotalSeconds));
        return seconds % 60 == 0 ? (seconds / 60, true) : (seconds, false);
    }

    /// <summary>0: 1, 21, 31 …; 1: 2–4, 22–24 …; 2: 5–20, 25–30 … and 11–14.</summary>
    private static int RussianForm(long n) => (n % 10, n % 100) switch
    {
        (1, not 11) => 0,
        (2 or 3 or 4, not (12 or 13 or 14)) => 1,
        _ => 2,
    };
}
