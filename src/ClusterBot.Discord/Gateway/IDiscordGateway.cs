using System.Text.Json;

namespace ClusterBot.Discord.Gateway;

/// <summary>One dispatch (op 0) event: its name ("MESSAGE_CREATE" …), sequence number and payload.</summary>
public sealed record GatewayDispatch(string Name, long Sequence, JsonElement Data);

/// <summary>
/// A Discord gateway session kept alive across reconnects. The adapter only needs dispatch events, so a
/// library client could stand in for <see cref="GatewayClient"/> behind this interface.
/// </summary>
public interface IDiscordGateway
{
    /// <summary>
    /// Connects and keeps the session alive (heartbeats, resumes, reconnects) until cancelled, handing each
    /// dispatch to <paramref name="onDispatch"/> in order. Throws <see cref="GatewayFatalCloseException"/> when
    /// Discord refuses the bot for good (bad token, disallowed intents …).
    /// </summary>
    Task RunAsync(Uri gatewayUrl, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken);
}

/// <summary>A close code after which reconnecting cannot help (4004, 4010–4014).</summary>
public sealed class GatewayFatalCloseException(int closeCode, string cause)
    : Exception($"Discord closed the gateway with {closeCode}: {cause}")
{
    public int CloseCode { get; } = closeCode;

    public string Cause { get; } = cause;
}
