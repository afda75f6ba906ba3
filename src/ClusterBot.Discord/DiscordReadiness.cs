using ClusterBot.Core.Abstractions;

namespace ClusterBot.Discord;

/// <summary>
/// Where the gateway session stands, written by the gateway client and the adapter, read by /readyz. Ready
/// only between READY (or RESUMED) and the connection's end: while reconnecting the bot sees no events,
/// and after a fatal close or a rejected token it never will again.
/// </summary>
public sealed class DiscordConnectionState
{
    private volatile Snapshot _current = new(false, "not connected yet");

    public (bool Ready, string Detail) Current => (_current.Ready, _current.Detail);

    /// <summary>The session is live: READY after Identify, or RESUMED after Resume.</summary>
    public void Connected(string how) => _current = new Snapshot(true, how);

    /// <summary>The connection ended and the client is about to come back (resume or identify).</summary>
    public void Reconnecting(string reason) => _current = new Snapshot(false, "reconnecting: " + reason);

    /// <summary>Not connected and not trying to be (start-up waiting on REST, a fatal close, shutdown).</summary>
    public void NotConnected(string reason) => _current = new Snapshot(false, reason);

    private sealed record Snapshot(bool Ready, string Detail);
}

/// <summary>/readyz's view of Discord: ready while a gateway session is READY or RESUMED.</summary>
public sealed class DiscordReadinessCheck(DiscordConnectionState state) : IReadinessCheck
{
    public string Name => "discord";

    public (bool Ready, string Detail) Check() => state.Current;
}
