using System.Diagnostics.CodeAnalysis;
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
        // The contract is taken from a copy, with its resolver stated: the library's shared options may be locked by
        // its own first send with no resolver set (a JIT build resolves by reflection), and taking a type there then
        // throws. A Native AOT build's copy keeps the library's generated chain with ours.
        var options = new JsonSerializerOptions(JsonBotAPI.Options);
        if (options.TypeInfoResolver is null && JsonSerializer.IsReflectionEnabledByDefault) options.TypeInfoResolver = ReflectionResolver();
        return (JsonTypeInfo<Update>)options.GetTypeInfo(typeof(Update));
    }

    // Reached only where reflection-based JSON is on (a JIT build): a Native AOT build has the switch off and a resolver set.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which Native AOT turns off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only when JsonSerializer.IsReflectionEnabledByDefault, which Native AOT turns off.")]
    private static DefaultJsonTypeInfoResolver ReflectionResolver() => new();

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
