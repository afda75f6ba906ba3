using System.Net.WebSockets;
using System.Text.Json;
using ClusterBot.Core.Operations;
using ClusterBot.Discord.Gateway.Transport;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Gateway.Protocol;

/// <summary>
/// The gateway protocol over one <see cref="GatewaySocket"/>: Hello, Identify or Resume, the heartbeat with ACK
/// tracking, Reconnect and Invalid Session (even before Hello), and dispatch. It ends by telling
/// <see cref="GatewayClient"/> how to carry on.
/// </summary>
internal sealed partial class GatewayProtocol(
    GatewaySocket socket,
    DiscordOptions options,
    GatewaySession session,
    PacedRateLimiter sendLimiter,
    TimeProvider time,
    Random random,
    ILogger logger,
    Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ZombieCloseGrace = TimeSpan.FromSeconds(1);

    /// <summary>How long Discord has to echo our close on shutdown before the socket is dropped anyway.</summary>
    private static readonly TimeSpan ShutdownCloseGrace = TimeSpan.FromSeconds(2);

    private Heartbeat? _heartbeat;
    private bool _healthy;

    private bool IsZombie => _heartbeat?.IsZombie == true;

    public async Task<ConnectionEnd> RunAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        // Not linked to the stop signal: cancelling a pending ReceiveAsync aborts a .NET WebSocket, and Discord
        // would see no close frame and keep the session (the bot online but deaf) for minutes. On stop the
        // close frame goes out first; the receive loop then ends on Discord's echo, or after a grace.
        using var connection = new CancellationTokenSource();
        await using var stopping = cancellationToken.Register(() => _ = CloseForShutdownAsync(connection));
        Task beating = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(url, ConnectTimeout, connection.Token);

            // Stopped while connecting: close at once; the receive below then ends on Discord's echo.
            if (cancellationToken.IsCancellationRequested) await CloseAsync(shuttingDown: true);

            var (hello, endedEarly) = await ReceiveHelloAsync(connection.Token);
            if (endedEarly is not null) return endedEarly;
            if (hello is null)
            {
                return new ConnectionEnd(ConnectionEndKind.Resume, "no Hello received", false);
            }

            _heartbeat = new Heartbeat(hello.HeartbeatInterval, time, random, SendHeartbeatAsync);
            // Started before Identify so its first (jittered) timer is armed by the time Discord sees us.
            beating = _heartbeat.RunAsync(() => OnZombieAsync(connection), connection.Token);
            await SendAsync(resume ? ResumePayload() : IdentifyPayload(), connection.Token);
            return await ReceiveLoopAsync(connection.Token);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Shutting down: whatever the socket threw on the way is just the cancellation.
            throw new OperationCanceledException("The gateway connection was stopped.", ex, cancellationToken);
        }
        catch (OperationCanceledException) when (IsZombie && !cancellationToken.IsCancellationRequested)
        {
            return ZombieEnd();
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Resume, ex.GetType().Name + ": " + ex.Message, _healthy);
        }
        finally
        {
            await connection.CancelAsync();
            await beating;
            await CloseAsync(shuttingDown: cancellationToken.IsCancellationRequested);
        }
    }

    private async Task CloseForShutdownAsync(CancellationTokenSource connection)
    {
        try
        {
            // Still connecting: the connect gets the same grace, and says goodbye as soon as it is open.
            if (socket.IsOpen) await CloseAsync(shuttingDown: true);
            connection.CancelAfter(ShutdownCloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection had already ended.
        }
    }

    private async Task OnZombieAsync(CancellationTokenSource connection)
    {
        LogZombie(logger);
        // Say goodbye with a resumable code before dropping the socket; a true zombie may never answer.
        await CloseAsync(shuttingDown: false);
        // A moment for a live peer to echo the close: dropping the socket at once can reset the connection
        // before our close frame is read, and the peer then sees no resumable code.
        connection.CancelAfter(ZombieCloseGrace);
    }

    /// <summary>
    /// Hello; or, when Discord asks for a reconnect (op 7) or ends the session (op 9) before Hello, how the
    /// connection ends — acted on at once rather than waited out until Hello times out.
    /// </summary>
    private async Task<(HelloEvent? Hello, ConnectionEnd? End)> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HelloTimeout);
        while (await ReceiveEventAsync(timeout.Token) is var (received, closed) && !closed)
        {
            switch (received)
            {
                case HelloEvent hello:
                    return (hello, null);
                case ReconnectEvent or InvalidSessionEvent:
                    return (null, SessionEnd(received));
            }
        }

        return (null, null);
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var heartbeat = _heartbeat!;
        while (true)
        {
            var (received, closed) = await ReceiveEventAsync(cancellationToken);
            if (closed) return IsZombie ? ZombieEnd() : ClosedByDiscord();
            switch (received)
            {
                case DispatchEvent dispatch:
                    await HandleDispatchAsync(dispatch, cancellationToken);
                    break;
                case HeartbeatRequestEvent:
                    await heartbeat.BeatAsync(cancellationToken);
                    break;
                case HeartbeatAckEvent:
                    heartbeat.Acknowledged();
                    break;
                case ReconnectEvent or InvalidSessionEvent:
                    return SessionEnd(received);
            }
        }
    }

    /// <summary>The next event (null for a malformed message, which is logged and skipped), or closed once Discord closed.</summary>
    private async Task<(GatewayEvent? Event, bool Closed)> ReceiveEventAsync(CancellationToken cancellationToken)
    {
        var message = await socket.ReceiveAsync(cancellationToken);
        if (message is null) return (null, true);
        var received = GatewayEventReader.Read(message, out var problem);
        if (problem is not null) LogMalformed(logger, problem);
        return (received, false);
    }

    /// <summary>How the connection ends on op 7 (reconnect) or op 9 (invalid session).</summary>
    private ConnectionEnd SessionEnd(GatewayEvent received) => received switch
    {
        InvalidSessionEvent { Resumable: true } => new ConnectionEnd(ConnectionEndKind.Resume, "invalid session, resumable (op 9)", _healthy),
        InvalidSessionEvent => new ConnectionEnd(ConnectionEndKind.Reidentify, "invalid session (op 9)", _healthy, InvalidSession: true),
        _ => new ConnectionEnd(ConnectionEndKind.Resume, "Discord asked to reconnect (op 7)", _healthy),
    };

    private ConnectionEnd ZombieEnd() =>
        new(ConnectionEndKind.Resume, "heartbeat not acknowledged (zombie connection)", _healthy);

    private async Task HandleDispatchAsync(DispatchEvent dispatch, CancellationToken cancellationToken)
    {
        long sequence;
        if (dispatch.Sequence is { } observed)
        {
            session.Observe(observed);
            sequence = observed;
        }
        else
        {
            sequence = session.Sequence ?? 0;
        }

        switch (dispatch)
        {
            case ReadyEvent ready:
                session.Ready(ready.SessionId, ready.ResumeUrl);
                _healthy = true;
                LogReady(logger);
                break;
            case ResumedEvent:
                _healthy = true;
                LogResumed(logger, sequence);
                break;
        }

        try
        {
            await onDispatch(new GatewayDispatch(dispatch.Name, sequence, dispatch.Data), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A handler bug must not take the connection down with it.
            LogHandlerFailed(logger, dispatch.Name, ex);
        }
    }

    private ConnectionEnd ClosedByDiscord()
    {
        var code = socket.CloseStatus ?? 0;
        var description = socket.CloseStatusDescription ?? "";
        if (GatewayCloseCodes.FatalCause(code) is { } cause)
        {
            return new ConnectionEnd(ConnectionEndKind.Fatal, cause, _healthy, code);
        }

        return GatewayCloseCodes.EndsSession(code)
            ? new ConnectionEnd(ConnectionEndKind.Reidentify, $"closed with {code} {description}", _healthy, code)
            : new ConnectionEnd(ConnectionEndKind.Resume, $"closed with {code} {description}", _healthy, code);
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.SerializeToUtf8Bytes(new HeartbeatCommand(GatewayOpcodes.Heartbeat, session.Sequence), GatewayJson.Default.HeartbeatCommand), cancellationToken);

    private byte[] IdentifyPayload() => JsonSerializer.SerializeToUtf8Bytes(new IdentifyCommand(GatewayOpcodes.Identify, new IdentifyData(
        options.Token,
        (int)options.Intents,
        new ConnectionProperties(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", "ClusterBot", "ClusterBot"))),
        GatewayJson.Default.IdentifyCommand);

    private byte[] ResumePayload() => JsonSerializer.SerializeToUtf8Bytes(
        new ResumeCommand(GatewayOpcodes.Resume, new ResumeData(options.Token, session.SessionId, session.Sequence)), GatewayJson.Default.ResumeCommand);

    private async Task SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        // Discord's 120-a-minute send limit covers every command, heartbeats included.
        await sendLimiter.WaitAsync(cancellationToken);
        await socket.SendAsync(payload, cancellationToken);
    }

    /// <summary>1000 on shutdown ends the session (the bot goes offline at once); 4000 keeps it resumable.</summary>
    private Task CloseAsync(bool shuttingDown) => shuttingDown
        ? socket.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "shutting down")
        : socket.CloseAsync(GatewayCloseCodes.ReconnectingClose, "reconnecting");

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session resumed after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: heartbeat not acknowledged, reconnecting")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: skipped a malformed payload ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway: handling {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception exception);
}
