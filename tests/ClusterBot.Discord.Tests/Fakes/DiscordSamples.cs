namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>Gateway payloads shaped as in Discord's documentation (v10), with the fields a real one carries.</summary>
public static class DiscordSamples
{
    public static object Ready(string resumeUrl, string sessionId = "session-1") => new
    {
        v = 10,
        user = new { id = FakeIds.BotUserId, username = "ClusterBot", discriminator = "0", global_name = (string?)null, avatar = (string?)null, bot = true, verified = true, flags = 0 },
        guilds = new[] { new { id = FakeIds.GuildId, unavailable = true } },
        session_id = sessionId,
        resume_gateway_url = resumeUrl,
        shard = new[] { 0, 1 },
        application = new { id = FakeIds.ApplicationId, flags = 8_953_856 },
    };

    public static object GuildCreate() => new
    {
        id = FakeIds.GuildId,
        name = "Study group",
        channels = new[] { new { id = FakeIds.GuildChannelId, type = 0, name = "general" } },
        roles = new object[]
        {
            Role(FakeIds.GuildId, "@everyone", managed: false, tags: null),
            // The role Discord creates for a bot when it joins, tagged with the bot's id.
            Role(FakeIds.BotRoleId, "ClusterBot", managed: true, tags: new { bot_id = FakeIds.BotUserId }),
            Role(FakeIds.OtherRoleId, "Students", managed: false, tags: null),
        },
        member_count = 3,
        unavailable = false,
    };

    private static object Role(string id, string name, bool managed, object? tags) => new
    {
        id,
        name,
        color = 0,
        hoist = false,
        icon = (string?)null,
        unicode_emoji = (string?)null,
        position = managed ? 1 : 0,
        permissions = "2248473465835073",
        managed,
        mentionable = true,
        tags,
        flags = 0,
    };

    public static object Message(string id, string content, bool inGuild = true, string authorId = FakeIds.UserId, bool authorIsBot = false, bool mentionsBot = false,
        string[]? mentionsUsers = null, string[]? mentionsRoles = null, bool mentionsEveryone = false) => new
    {
        id,
        channel_id = inGuild ? FakeIds.GuildChannelId : FakeIds.DmChannelId,
        guild_id = inGuild ? FakeIds.GuildId : null,
        author = new { id = authorId, username = authorIsBot ? "OtherBot" : "student", discriminator = "0", global_name = authorIsBot ? null : "Student", avatar = (string?)null, bot = authorIsBot },
        member = inGuild ? new { roles = Array.Empty<string>(), joined_at = "2025-02-01T10:00:00.000000+00:00", deaf = false, mute = false } : null,
        content,
        timestamp = "2025-03-01T12:00:00.000000+00:00",
        edited_timestamp = (string?)null,
        tts = false,
        mention_everyone = mentionsEveryone,
        mentions = (mentionsBot ? new object[] { new { id = FakeIds.BotUserId, username = "ClusterBot", discriminator = "0", bot = true } } : [])
            .Concat((mentionsUsers ?? []).Select(u => (object)new { id = u, username = "classmate", discriminator = "0", bot = false })).ToArray(),
        mention_roles = mentionsRoles ?? [],
        attachments = Array.Empty<object>(),
        embeds = Array.Empty<object>(),
        pinned = false,
        type = 0,
    };

    /// <summary>INTERACTION_CREATE: type 2 (command), 3 (component) or 4 (autocomplete) in the guild channel.</summary>
    public static object Interaction(string id, int type, object data, string locale = "en-US") => new
    {
        id,
        application_id = FakeIds.ApplicationId,
        type,
        data,
        guild_id = FakeIds.GuildId,
        channel_id = FakeIds.GuildChannelId,
        channel = new { id = FakeIds.GuildChannelId, type = 0 },
        member = new
        {
            user = new { id = FakeIds.UserId, username = "student", discriminator = "0", global_name = "Student", avatar = (string?)null },
            roles = Array.Empty<string>(),
            permissions = "2248473465835073",
            joined_at = "2025-02-01T10:00:00.000000+00:00",
        },
        token = "interaction-token-" + id,
        version = 1,
        app_permissions = "2248473465835073",
        locale,
        guild_locale = "en-US",
        entitlements = Array.Empty<object>(),
        authorizing_integration_owners = new Dictionary<string, string> { ["0"] = FakeIds.GuildId },
        context = 0,
    };

    public static object CommandData(string name, params (string Name, string Value, bool Focused)[] options) => new
    {
        id = "910000000000000001",
        name,
        type = 1,
        options = options.Select(o => o.Focused
            ? (object)new { name = o.Name, type = 3, value = o.Value, focused = true }
            : new { name = o.Name, type = 3, value = o.Value }).ToArray(),
    };

    public static object ButtonData(string customId) => new { custom_id = customId, component_type = 2 };
}
