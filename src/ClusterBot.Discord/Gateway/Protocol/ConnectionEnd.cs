namespace ClusterBot.Discord.Gateway.Protocol;

/// <summary>How one connection ended, and so what the next one must do.</summary>
internal enum ConnectionEndKind
{
    /// <summary>Reconnect and Resume the session (zombie, op 7, op 9 true, a dropped socket).</summary>
    Resume,

    /// <summary>Reconnect and Identify afresh (op 9 false, close 4007/4009).</summary>
    Reidentify,

    /// <summary>Stop: reconnecting cannot help (4004, 4010–4014).</summary>
    Fatal,
}

internal sealed record ConnectionEnd(ConnectionEndKind Kind, string Reason, bool WasHealthy, int? CloseCode = null, bool InvalidSession = false);
