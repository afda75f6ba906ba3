using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterBot.Discord.Rest;

internal static class DiscordJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
