using ClusterBot.Core.Conversations;
using ClusterBot.Discord.Gateway;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Rest;
using ClusterBot.Discord.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Receiving;

/// <summary>
/// The bot on Discord, receiving side: start-up, then the gateway session, whose dispatch events are handed to the
/// pipeline entry off the receive loop (so a slow reply never delays heartbeat ACKs), each channel's events in order and
/// different channels side by side. A fatal gateway close or a rejected token stops this adapter only; the host and its
/// other adapters carry on.
/// </summary>
public sealed partial class DiscordAdapter(
    DiscordStartup startup,
    IDiscordGateway gateway,
    DispatchHandler handler,
    BotSelf self,
    DiscordConnectionState state,
    ILogger<DiscordAdapter> logger) : BackgroundService
{
    public const string Platform = "discord";

    private const int ConcurrentChannels = 4;

    /// <summary>How long handing over waits at shutdown for events already taken in (they see the stop and end quickly).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = new ConversationLanes<string>(ConcurrentChannels);
        try
        {
            var gatewayUrl = await startup.RunAsync(stoppingToken);
            state.NotConnected("connecting to the gateway");
            await gateway.RunAsync(gatewayUrl, (dispatch, _) =>
            {
                // READY is taken in on the receive loop itself, so no message is judged before we know our own id.
                // So is GUILD_CREATE, so a mention of the bot's role is recognised from the guild's first message on.
                if (dispatch.Name == "READY") self.Ready(dispatch.Data);
                else if (dispatch.Name == "GUILD_CREATE") self.Guild(dispatch.Data);
                else lanes.Post(ChannelOf(dispatch), () => handler.HandleAsync(dispatch, stoppingToken));
                return ValueTask.CompletedTask;
            }, stoppingToken);
        }
        catch (GatewayFatalCloseException ex)
        {
            state.NotConnected($"stopped: gateway closed with {ex.CloseCode}: {ex.Cause}");
            LogStoppedFatalClose(logger, ex.CloseCode, ex.Cause);
        }
        catch (DiscordUnauthorizedException)
        {
            state.NotConnected("stopped: Discord rejected the bot token (401)");
            LogStoppedUnauthorized(logger);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
            state.NotConnected("stopped");
        }
        catch (Exception ex)
        {
            state.NotConnected("stopped after an unexpected error: " + ex.GetType().Name);
            LogStoppedUnexpectedly(logger, ex);
        }
        finally
        {
            // Unfinished events end as interrupted: their ledger claims are released for a redelivery.
            await lanes.WhenIdleAsync().WaitAsync(DrainTimeout, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static string ChannelOf(GatewayDispatch dispatch) =>
        dispatch.Data.ValueKind != System.Text.Json.JsonValueKind.Object ? ""
            : dispatch.Data.Str("channel_id") ?? (dispatch.Data.TryGetProperty("channel", out var c) ? c.Str("id") : null) ?? "";

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: gateway closed with {CloseCode}: {Cause}. The rest of the bot keeps running.")]
    private static partial void LogStoppedFatalClose(ILogger logger, int closeCode, string cause);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: Discord rejected the bot token (401). Check Discord:Token. The rest of the bot keeps running.")]
    private static partial void LogStoppedUnauthorized(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped after an unexpected error. The rest of the bot keeps running.")]
    private static partial void LogStoppedUnexpectedly(ILogger logger, Exception exception);
}
