using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Our own Bot API shapes (the raw getUpdates request and its answer, read update by update) made known to the
/// library's serializer options. Under Native AOT those options resolve types only through the library's generated
/// context, which cannot know them, so ours is chained after it. In a JIT build the options resolve every type by
/// reflection (the chain is empty) and are left alone.
/// </summary>
internal static class BotApiJson
{
    private static readonly Lock Gate = new();

    /// <summary>Idempotent; must run before the library first serialises (then its options become read-only).</summary>
    public static void Register()
    {
        var chain = JsonBotAPI.Options.TypeInfoResolverChain;
        lock (Gate)
        {
            if (chain.Count == 0 || chain.Contains(RawBotApiJson.Default)) return;
            chain.Add(RawBotApiJson.Default);
        }
    }
}

/// <summary>Generated with the library's own naming and null handling, so the request reads as the library's requests do.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(UpdateFetcher.RawGetUpdatesRequest))]
[JsonSerializable(typeof(ApiResponse<JsonElement[]>))]
internal sealed partial class RawBotApiJson : JsonSerializerContext;
