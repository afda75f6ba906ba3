namespace ClusterBot.Discord.Rest;

/// <summary>
/// The few REST calls the adapter makes. <see cref="DiscordRestClient"/> implements them over HttpClient with
/// Discord's rate limits; a library client could stand in behind this interface.
/// </summary>
public interface IDiscordRest
{
    /// <summary>GET /gateway/bot: where to open the gateway WebSocket.</summary>
    Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken);

    /// <summary>PUT the full command list (global, or one guild's when <paramref name="guildId"/> is set).</summary>
    Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<SlashCommand> commands, CancellationToken cancellationToken);

    Task CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken);

    Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken);

    /// <summary>PATCH @original: fills in a deferred (type 5) interaction reply.</summary>
    Task EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);

    /// <summary>POST a further message to an interaction, for replies longer than one message.</summary>
    Task CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken);
}
