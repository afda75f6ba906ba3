using System.Text.Json;

namespace ClusterBot.Discord.Receiving;

/// <summary>The fields of a MESSAGE_CREATE the adapter uses.</summary>
internal sealed record InboundMessage(
    string Id, string ChannelId, string? GuildId, string AuthorId, bool AuthorIsBot, string Content, IReadOnlyList<string> MentionIds,
    IReadOnlyList<string>? MentionRoleIds = null)
{
    public static InboundMessage? From(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || d.Str("id") is not { } id || d.Str("channel_id") is not { } channel ||
            !d.TryGetProperty("author", out var author) || author.Str("id") is not { } authorId)
        {
            return null;
        }

        var mentions = d.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().Select(u => u.Str("id")).OfType<string>().ToList()
            : [];
        var roles = d.TryGetProperty("mention_roles", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        var isBot = author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True;
        return new InboundMessage(id, channel, d.Str("guild_id"), authorId, isBot, d.Str("content") ?? "", mentions, roles);
    }
}

/// <summary>From a GUILD_CREATE: the guild and the role Discord made for this bot in it (tagged with its id).</summary>
internal sealed record InboundGuild(string Id, string? BotRoleId)
{
    public static InboundGuild? From(JsonElement d, string? botUserId)
    {
        if (d.ValueKind != JsonValueKind.Object || d.Str("id") is not { } id) return null;
        var role = botUserId is null || !d.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array
            ? null
            : roles.EnumerateArray().FirstOrDefault(x => x.TryGetProperty("tags", out var tags) && tags.Str("bot_id") == botUserId).Str("id");
        return new InboundGuild(id, role);
    }
}

/// <summary>A command option as sent with an interaction.</summary>
internal sealed record InboundOption(string Name, string Value, bool Focused);

/// <summary>The fields of an INTERACTION_CREATE the adapter uses.</summary>
internal sealed record InboundInteraction(
    string Id, string Token, int Type, string? ChannelId, string? GuildId, string? Locale,
    string? CommandName, IReadOnlyList<InboundOption> Options, string? CustomId, string? UserId = null)
{
    /// <summary>The name the user shows in the guild (global name, else username), for the quiz leaderboard.</summary>
    public string? UserName { get; init; }

    /// <summary>For a button press: the content of the message the button is on.</summary>
    public string? MessageContent { get; init; }

    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;

    public static InboundInteraction? From(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || d.Str("id") is not { } id || d.Str("token") is not { } token ||
            !d.TryGetProperty("type", out var t) || !t.TryGetInt32(out var type))
        {
            return null;
        }

        var data = d.TryGetProperty("data", out var dd) && dd.ValueKind == JsonValueKind.Object ? dd : default;
        var options = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("options", out var o) && o.ValueKind == JsonValueKind.Array
            ? o.EnumerateArray()
                .Where(x => x.ValueKind == JsonValueKind.Object && x.Str("name") is not null)
                .Select(x => new InboundOption(x.Str("name")!, x.TryGetProperty("value", out var v) ? v.ToString() : "",
                    x.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True))
                .ToList()
            : [];
        var channelId = d.Str("channel_id") ?? (d.TryGetProperty("channel", out var ch) ? ch.Str("id") : null);
        // In a guild the user is inside `member`; in a DM it is `user`.
        var user = d.TryGetProperty("member", out var member) && member.TryGetProperty("user", out var mu) ? mu
            : d.TryGetProperty("user", out var u) ? u : default;
        var userId = user.Str("id");
        return new InboundInteraction(id, token, type, channelId, d.Str("guild_id"), d.Str("locale"),
            data.ValueKind == JsonValueKind.Object ? data.Str("name") : null, options,
            data.ValueKind == JsonValueKind.Object ? data.Str("custom_id") : null, userId)
        {
            UserName = user.Str("global_name") ?? user.Str("username"),
            MessageContent = d.TryGetProperty("message", out var message) ? message.Str("content") : null,
        };
    }
}

internal static class JsonElementExtensions
{
    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
