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
        // Our own shapes join the library's options first (the library's own calls read them there).
        BotApiJson.Register();
        // The contract is taken from a copy: once the library has locked its options (it does when it first sends), a JIT
        // build's unset resolver can no longer be filled in with reflection there, and taking the type would throw. A
        // fresh copy fills it in; a Native AOT build's copy keeps the generated chain.
        var options = new JsonSerializerOptions(JsonBotAPI.Options);
        return (JsonTypeInfo<Update>)options.GetTypeInfo(typeof(Update));
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
