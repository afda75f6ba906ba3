using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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
    /// <summary>
    /// The library's generated contract for an update (its options chain its own source-generated context), taken
    /// once: reading through it needs no reflection-built metadata, which a Native AOT build does not have.
    /// </summary>
    internal static JsonTypeInfo<Update> UpdateType { get; } = TypeOfUpdate();

    private static JsonTypeInfo<Update> TypeOfUpdate()
    {
        // Taking a type locks the library's options: our own shapes join them first.
        BotApiJson.Register();
        return (JsonTypeInfo<Update>)JsonBotAPI.Options.GetTypeInfo(typeof(Update));
    }

    public static Update? Read(JsonElement element) => Guard(() => element.Deserialize(UpdateType));

    public static Update? Read(byte[] body) => Guard(() => JsonSerializer.Deserialize(body, UpdateType));

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
