using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClusterBot.Core.Study;

/// <summary>
/// The data an answer button carries, "quiz:&lt;key&gt;:&lt;option&gt;" (apart from follow-up buttons' "q:"): within Telegram's 64 bytes of callback data and
/// Discord's 100 characters of custom_id, so either platform can carry it.
/// </summary>
public static class QuizCallback
{
    public const string Prefix = "quiz:";
    public const int MaxBytes = 64;
    private const int KeyLength = 16;

    /// <summary>A new key for a question put to a chat: short, unguessable, URL- and id-safe.</summary>
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyLength / 2));

    public static string Data(string quizKey, int option)
    {
        var data = $"{Prefix}{quizKey}:{option.ToString(CultureInfo.InvariantCulture)}";
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes ? data : throw new ArgumentException("The quiz key is too long for a button.", nameof(quizKey));
    }

    public static bool TryParse(string? data, out string quizKey, out int option)
    {
        quizKey = "";
        option = -1;
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var colon = data.LastIndexOf(':');
        if (colon <= Prefix.Length) return false;
        quizKey = data[Prefix.Length..colon];
        return int.TryParse(data[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out option) && option >= 0;
    }
}
