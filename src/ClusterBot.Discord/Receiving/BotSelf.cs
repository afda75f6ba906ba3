using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Receiving;

/// <summary>
/// Who the bot is on Discord, learned from the gateway: its user id and name (READY) and its managed role in each guild
/// (GUILD_CREATE). Mentioning either addresses the bot, as Discord's client offers both.
/// </summary>
public sealed partial class BotSelf(ILogger<BotSelf> logger)
{
    private readonly ConcurrentDictionary<string, string> _roles = new();
    private volatile string? _userId;
    private volatile string? _username;

    public string? UserId => _userId;

    public string? Username => _username;

    internal void Ready(JsonElement ready)
    {
        if (ready.ValueKind == JsonValueKind.Object && ready.TryGetProperty("user", out var user))
        {
            _userId = user.Str("id");
            _username = user.Str("username");
            LogConnectedAs(logger, _username ?? "?", _userId ?? "?");
        }
    }

    internal void Guild(JsonElement guild)
    {
        if (InboundGuild.From(guild, _userId) is { BotRoleId: { } role } g) _roles[g.Id] = role;
    }

    /// <summary>Whether a message mentions the bot or its role in the guild.</summary>
    internal bool IsMentionedIn(InboundMessage message) =>
        _userId is { } id && message.MentionIds.Contains(id) ||
        message.GuildId is { } guild && _roles.TryGetValue(guild, out var role) && (message.MentionRoleIds ?? []).Contains(role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord adapter connected as {Username} ({UserId})")]
    private static partial void LogConnectedAs(ILogger logger, string username, string userId);
}
