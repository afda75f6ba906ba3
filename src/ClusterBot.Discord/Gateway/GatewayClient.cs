using ClusterBot.Core.Operations;
using ClusterBot.Discord.Gateway.Protocol;
using ClusterBot.Discord.Gateway.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive: connects, resumes or re-identifies as each connection's end demands, waits
/// with backoff between attempts, and gives up only on a fatal close code.
/// </summary>
public sealed partial class GatewayClient(
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordConnectionState state,
    ILogger<GatewayClient> logger,
    DiscordMetrics? metrics = null) : IDiscordGateway
{
    /// <summary>Discord allows 120 gateway sends a minute; 110 in any 61 s keeps a margin for clock and network.</summary>
    private static readonly RateLimitRule SendLimit = new(110, TimeSpan.FromSeconds(61));

    /// <summary>Connections in a row that never became healthy before the session is given up for a fresh Identify.</summary>
    private const int MaxFailedResumes = 3;

    public async Task RunAsync(Uri gatewayUrl, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken cancellationToken)
    {
        var session = new GatewaySession();
        var random = new Random();
        var backoff = new ReconnectBackoff(random);
        var failedInARow = 0;
        var sendLimiter = new PacedRateLimiter(SendLimit, time);
        // The session counts as live from READY or RESUMED, which the connection passes on only once it has
        // checked them, until the connection ends.
        ValueTask Observe(GatewayDispatch dispatch, CancellationToken ct)
        {
            if (dispatch.Name == "READY") state.Connected("session ready");
            else if (dispatch.Name == "RESUMED") state.Connected("session resumed");
            return onDispatch(dispatch, ct);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resuming = session.CanResume;
            var url = WithGatewayQuery(resuming ? session.ResumeUrl! : gatewayUrl);
            ConnectionEnd end;
            // A fresh socket per connection (a ClientWebSocket cannot reconnect); the protocol runs over it.
            using (var socket = new GatewaySocket(logger))
            {
                var protocol = new GatewayProtocol(socket, options.Value, session, sendLimiter, time, random, logger, Observe);
                var address = url.GetLeftPart(UriPartial.Path);
                LogConnecting(logger, address, resuming ? "resume" : "identify");
                end = await protocol.RunAsync(url, resuming, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (end.Kind == ConnectionEndKind.Fatal)
            {
                throw new GatewayFatalCloseException(end.CloseCode ?? 0, end.Reason);
            }

            state.Reconnecting(end.Reason);
            failedInARow = end.WasHealthy ? 0 : failedInARow + 1;
            if (end.Kind == ConnectionEndKind.Reidentify || failedInARow >= MaxFailedResumes)
            {
                // Either Discord said the session is gone, or its resume address keeps failing: start afresh.
                session.Clear();
            }

            var delay = backoff.Next(end.WasHealthy);
            if (end.InvalidSession)
            {
                delay = Max(delay, backoff.InvalidSessionWait());
            }

            var next = end.Kind == ConnectionEndKind.Resume && session.CanResume ? "resume" : "identify";
            metrics?.Reconnect(next);
            LogReconnecting(logger, end.Reason, next, delay.TotalSeconds);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>Gateway addresses come without the version and encoding, which the client must add.</summary>
    internal static Uri WithGatewayQuery(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        return builder.Uri;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: connecting to {Url} ({Mode})")]
    private static partial void LogConnecting(ILogger logger, string url, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: connection ended ({Reason}); will {Next} in {Seconds:F1} s")]
    private static partial void LogReconnecting(ILogger logger, string reason, string next, double seconds);
}
