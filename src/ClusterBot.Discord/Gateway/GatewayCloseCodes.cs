namespace ClusterBot.Discord.Gateway;

/// <summary>What Discord's gateway close codes mean for the client.</summary>
internal static class GatewayCloseCodes
{
    /// <summary>Sent by us when we drop a connection to resume it: anything but 1000/1001 keeps the session alive.</summary>
    public const int ReconnectingClose = 4000;

    /// <summary>The cause of a close that reconnecting cannot fix, or null when reconnecting may help.</summary>
    public static string? FatalCause(int code) => code switch
    {
        4004 => "authentication failed: the bot token is invalid",
        4010 => "invalid shard sent when identifying",
        4011 => "sharding required: the bot is in too many guilds for one connection",
        4012 => "invalid API version",
        4013 => "invalid intents value",
        4014 => "disallowed intent: MESSAGE_CONTENT intent not enabled in the Developer Portal (or another privileged intent requested)",
        _ => null,
    };

    /// <summary>Codes after which the session is gone and a fresh Identify is needed (invalid seq, session timed out).</summary>
    public static bool EndsSession(int code) => code is 4007 or 4009;
}
