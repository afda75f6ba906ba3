using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// One update read with the library's own JSON rules, or null when it is not one. The library's converters
/// throw more than JsonException on valid JSON they cannot convert (a date out of range is an
/// ArgumentOutOfRangeException), and such an update must be set aside, not fail the call that brought it.
/// </summary>
internal static class UpdateReader
{
    public static Update? Read(JsonElement element) => Guard(() => element.Deserialize<Update>(JsonBotAPI.Options));

    public static Update? Read(byte[] body) => Guard(() => JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options));

    private static Update? Guard(Func<Update?> read)
    {
        try
        {
            return read() is { Id: > 0 } update ? update : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
