using System.Text.Json;

namespace ClusterBot.Discord.Gateway.Protocol;

/// <summary>One payload Discord sent on the gateway, read into what it means.</summary>
internal abstract record GatewayEvent;

/// <summary>Op 10: the first payload of a connection, with the interval heartbeats must keep.</summary>
internal sealed record HelloEvent(TimeSpan HeartbeatInterval) : GatewayEvent;

/// <summary>Op 1 from Discord: send a heartbeat now.</summary>
internal sealed record HeartbeatRequestEvent : GatewayEvent;

/// <summary>Op 11: the last heartbeat arrived.</summary>
internal sealed record HeartbeatAckEvent : GatewayEvent;

/// <summary>Op 7: reconnect and resume.</summary>
internal sealed record ReconnectEvent : GatewayEvent;

/// <summary>Op 9: the session is invalid; <paramref name="Resumable"/> says whether a resume may still work.</summary>
internal sealed record InvalidSessionEvent(bool Resumable) : GatewayEvent;

/// <summary>An op this client does not act on.</summary>
internal sealed record UnhandledOpEvent(int Op) : GatewayEvent;

/// <summary>Op 0: a named event; <paramref name="Data"/> is handed to the adapter as it came.</summary>
internal record DispatchEvent(string Name, long? Sequence, JsonElement Data) : GatewayEvent;

/// <summary>READY: a new session, and where to resume it.</summary>
internal sealed record ReadyEvent(long? Sequence, JsonElement Data, string SessionId, Uri? ResumeUrl)
    : DispatchEvent(GatewayEventNames.Ready, Sequence, Data);

/// <summary>RESUMED: the missed events have been replayed.</summary>
internal sealed record ResumedEvent(long? Sequence, JsonElement Data)
    : DispatchEvent(GatewayEventNames.Resumed, Sequence, Data);

internal static class GatewayEventNames
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
}

internal static class GatewayOpcodes
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}
