using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClusterBot.Discord.Rest;

internal static class DiscordJson
{
    /// <summary>Only the generated contract below: a body of a type it lacks fails in every build, not only under Native AOT.</summary>
    public static JsonSerializerOptions Options => DiscordJsonContext.Default.Options;

    /// <summary>The contract for a request body, by what it is (a list of commands may come as any list).</summary>
    public static JsonTypeInfo TypeOf(object body) => body is IReadOnlyList<SlashCommand>
        ? DiscordJsonContext.Default.IReadOnlyListSlashCommand
        : Options.GetTypeInfo(body.GetType());
}

/// <summary>The outbound bodies, serialised by generated code with Discord's snake_case names.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionCallback))]
[JsonSerializable(typeof(AutocompleteChoices))]
[JsonSerializable(typeof(IReadOnlyList<SlashCommand>))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;
