using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Gateway;

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

/// <summary>
/// One WebSocket connection to the gateway: Hello, Identify or Resume, the heartbeat loop with ACK tracking,
/// and the receive loop. It ends by telling <see cref="GatewayClient"/> how to carry on.
/// </summary>
internal sealed partial class GatewayConnection(
    DiscordOptions options,
    GatewaySession session,
    ScheduledTokenBucket sendLimiter,
    TimeProvider time,
    Random random,
    ILogger logger,
    Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch) : IDisposable
{
    /// <summary>Large enough for READY of a bot in many guilds; a bigger frame is dropped, not buffered without end.</summary>
    private const int MaxFrameBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ZombieCloseGrace = TimeSpan.FromSeconds(1);

    /// <summary>How long Discord has to echo our close on shutdown before the socket is dropped anyway.</summary>
    private static readonly TimeSpan ShutdownCloseGrace = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _ackReceived = true;
    private volatile bool _zombie;
    private bool _healthy;

    public async Task<ConnectionEnd> RunAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        // Not linked to the stop signal: cancelling a pending ReceiveAsync aborts a .NET WebSocket, and Discord
        // would see no close frame and keep the session (the bot online but deaf) for minutes. On stop the
        // close frame goes out first; the receive loop then ends on Discord's echo, or after a grace.
        using var connection = new CancellationTokenSource();
        await using var stopping = cancellationToken.Register(() => _ = CloseForShutdownAsync(connection));
        Task heartbeat = Task.CompletedTask;
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(connection.Token))
            {
                connectTimeout.CancelAfter(ConnectTimeout);
                await _socket.ConnectAsync(url, connectTimeout.Token);
            }

            // Stopped while connecting: close at once; the receive below then ends on Discord's echo.
            if (cancellationToken.IsCancellationRequested) await CloseQuietlyAsync(shuttingDown: true);

            var (interval, endedEarly) = await ReceiveHelloAsync(connection.Token);
            if (endedEarly is not null) return endedEarly;
            if (interval is null)
            {
                return new ConnectionEnd(ConnectionEndKind.Resume, "no Hello received", false);
            }

            // Started before Identify so its first (jittered) timer is armed by the time Discord sees us.
            heartbeat = HeartbeatLoopAsync(interval.Value, connection);
            await SendAsync(resume ? ResumePayload() : IdentifyPayload(), connection.Token);
            return await ReceiveLoopAsync(connection.Token);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // Shutting down: whatever the socket threw on the way is just the cancellation.
            throw new OperationCanceledException("The gateway connection was stopped.", ex, cancellationToken);
        }
        catch (OperationCanceledException) when (_zombie && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Resume, "heartbeat not acknowledged (zombie connection)", _healthy);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionEnd(ConnectionEndKind.Resume, ex.GetType().Name + ": " + ex.Message, _healthy);
        }
        finally
        {
            await connection.CancelAsync();
            await heartbeat;
            await CloseQuietlyAsync(shuttingDown: cancellationToken.IsCancellationRequested);
        }
    }

    private async Task CloseForShutdownAsync(CancellationTokenSource connection)
    {
        try
        {
            // Still connecting: the connect gets the same grace, and says goodbye as soon as it is open.
            if (_socket.State == WebSocketState.Open) await CloseQuietlyAsync(shuttingDown: true);
            connection.CancelAfter(ShutdownCloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection had already ended.
        }
    }

    /// <summary>
    /// The heartbeat interval from Hello; or, when Discord asks for a reconnect (op 7) or ends the session (op 9)
    /// before Hello, how the connection ends — acted on at once rather than waited out until Hello times out.
    /// </summary>
    private async Task<(TimeSpan? Interval, ConnectionEnd? End)> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HelloTimeout);
        while (await ReceiveFrameAsync(timeout.Token) is { } frame)
        {
            using var doc = TryParse(frame);
            if (doc is null) continue;
            var root = doc.RootElement;
            if (SessionEnd(root) is { } end) return (null, end);
            if (Op(root) == GatewayOpcodes.Hello &&
                root.TryGetProperty("d", out var d) &&
                d.TryGetProperty("heartbeat_interval", out var ms) && ms.TryGetDouble(out var millis) && millis > 0)
            {
                return (TimeSpan.FromMilliseconds(millis), null);
            }
        }

        return (null, null);
    }

    /// <summary>How the connection ends when Discord sends op 7 (reconnect) or op 9 (invalid session); null for other ops.</summary>
    private ConnectionEnd? SessionEnd(JsonElement root)
    {
        switch (Op(root))
        {
            case GatewayOpcodes.Reconnect:
                return new ConnectionEnd(ConnectionEndKind.Resume, "Discord asked to reconnect (op 7)", _healthy);
            case GatewayOpcodes.InvalidSession:
                var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                return resumable
                    ? new ConnectionEnd(ConnectionEndKind.Resume, "invalid session, resumable (op 9)", _healthy)
                    : new ConnectionEnd(ConnectionEndKind.Reidentify, "invalid session (op 9)", _healthy, InvalidSession: true);
            default:
                return null;
        }
    }

    private async Task<ConnectionEnd> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveFrameAsync(cancellationToken);
            if (frame is null)
            {
                return _zombie
                    ? new ConnectionEnd(ConnectionEndKind.Resume, "heartbeat not acknowledged (zombie connection)", _healthy)
                    : ClosedByDiscord();
            }

            using var doc = TryParse(frame);
            if (doc is null) continue;
            var root = doc.RootElement;
            switch (Op(root))
            {
                case GatewayOpcodes.Dispatch:
                    await HandleDispatchAsync(root, cancellationToken);
                    break;
                case GatewayOpcodes.Heartbeat:
                    // Discord asks for a beat now; the regular schedule carries on.
                    await SendHeartbeatAsync(cancellationToken);
                    break;
                case GatewayOpcodes.HeartbeatAck:
                    _ackReceived = true;
                    break;
                case GatewayOpcodes.Reconnect or GatewayOpcodes.InvalidSession:
                    return SessionEnd(root)!;
                default:
                    break;
            }
        }
    }

    private async Task HandleDispatchAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (root.TryGetProperty("s", out var s) && s.TryGetInt64(out var sequence))
        {
            session.Observe(sequence);
        }
        else
        {
            sequence = session.Sequence ?? 0;
        }

        if (!root.TryGetProperty("t", out var t) || t.GetString() is not { Length: > 0 } name ||
            !root.TryGetProperty("d", out var data))
        {
            LogMalformed(logger, "dispatch without t or d");
            return;
        }

        if (name == "READY")
        {
            var sessionId = data.TryGetProperty("session_id", out var sid) ? sid.GetString() : null;
            var resumeUrl = data.TryGetProperty("resume_gateway_url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var u) ? u : null;
            if (sessionId is null)
            {
                LogMalformed(logger, "READY without session_id");
                return;
            }

            session.Ready(sessionId, resumeUrl);
            _healthy = true;
            LogReady(logger);
        }
        else if (name == "RESUMED")
        {
            _healthy = true;
            LogResumed(logger, sequence);
        }

        try
        {
            await onDispatch(new GatewayDispatch(name, sequence, data.Clone()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A handler bug must not take the connection down with it.
            LogHandlerFailed(logger, name, ex);
        }
    }

    private ConnectionEnd ClosedByDiscord()
    {
        var code = (int?)_socket.CloseStatus ?? 0;
        var description = _socket.CloseStatusDescription ?? "";
        if (GatewayCloseCodes.FatalCause(code) is { } cause)
        {
            return new ConnectionEnd(ConnectionEndKind.Fatal, cause, _healthy, code);
        }

        return GatewayCloseCodes.EndsSession(code)
            ? new ConnectionEnd(ConnectionEndKind.Reidentify, $"closed with {code} {description}", _healthy, code)
            : new ConnectionEnd(ConnectionEndKind.Resume, $"closed with {code} {description}", _healthy, code);
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationTokenSource connection)
    {
        var cancellationToken = connection.Token;
        try
        {
            // Jittered first beat, as Discord asks, so reconnecting clients don't beat in lockstep.
            await Task.Delay(interval * random.NextDouble(), time, cancellationToken);
            while (true)
            {
                if (!_ackReceived)
                {
                    _zombie = true;
                    LogZombie(logger);
                    // Say goodbye with a resumable code before dropping the socket; a true zombie may never answer.
                    await CloseQuietlyAsync(shuttingDown: false);
                    // A moment for a live peer to echo the close: dropping the socket at once can reset the
                    // connection before our close frame is read, and the peer then sees no resumable code.
                    connection.CancelAfter(ZombieCloseGrace);
                    return;
                }

                // Armed before the beat goes out, so the schedule never depends on how fast the send returns.
                var next = Task.Delay(interval, time, cancellationToken);
                await SendHeartbeatAsync(cancellationToken);
                await next;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop owns the connection's fate; a failed beat shows up there as a broken socket.
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        _ackReceived = false;
        var seq = session.Sequence;
        return SendAsync(seq is null ? """{"op":1,"d":null}""" : $$"""{"op":1,"d":{{seq}}}""", cancellationToken);
    }

    private string IdentifyPayload() => JsonSerializer.Serialize(new IdentifyCommand(GatewayOpcodes.Identify, new IdentifyData(
        options.Token,
        (int)options.Intents,
        new ConnectionProperties(OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "linux", "ClusterBot", "ClusterBot"))),
        GatewayJson.Default.IdentifyCommand);

    private string ResumePayload() => JsonSerializer.Serialize(
        new ResumeCommand(GatewayOpcodes.Resume, new ResumeData(options.Token, session.SessionId, session.Sequence)), GatewayJson.Default.ResumeCommand);

    private async Task SendAsync(string payload, CancellationToken cancellationToken)
    {
        await sendLimiter.WaitAsync(cancellationToken);
        var bytes = Encoding.UTF8.GetBytes(payload);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next text frame, or null once Discord has closed the connection.</summary>
    private async Task<string?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                ValueWebSocketReceiveResult result;
                var tooLarge = false;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    if (message.Length + result.Count > MaxFrameBytes) tooLarge = true;
                    if (!tooLarge) message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (tooLarge)
                {
                    LogMalformed(logger, "frame larger than " + MaxFrameBytes + " bytes");
                    continue;
                }

                if (result.MessageType != WebSocketMessageType.Text)
                {
                    // We never ask for compression, so a binary frame is not something we can read.
                    LogMalformed(logger, "binary frame");
                    continue;
                }

                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private JsonDocument? TryParse(string frame)
    {
        try
        {
            var doc = JsonDocument.Parse(frame);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number)
            {
                return doc;
            }

            doc.Dispose();
            LogMalformed(logger, "payload without a numeric op");
        }
        catch (JsonException)
        {
            LogMalformed(logger, "invalid JSON");
        }

        return null;
    }

    private static int Op(JsonElement root) => root.GetProperty("op").TryGetInt32(out var op) ? op : -1;

    private async Task CloseQuietlyAsync(bool shuttingDown)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    // 1000 on shutdown ends the session (the bot goes offline at once); any other code keeps it resumable.
                    var status = shuttingDown ? WebSocketCloseStatus.NormalClosure : (WebSocketCloseStatus)GatewayCloseCodes.ReconnectingClose;
                    await _socket.CloseOutputAsync(status, shuttingDown ? "shutting down" : "reconnecting", timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The socket is going away either way.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session ready")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session resumed after sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: heartbeat not acknowledged, reconnecting")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: skipped a malformed frame ({Problem})")]
    private static partial void LogMalformed(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord gateway: handling {EventName} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string eventName, Exception exception);
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

// The two commands the client sends as JSON (heartbeats are written by hand), serialised by generated code.
internal sealed record IdentifyCommand([property: JsonPropertyName("op")] int Op, [property: JsonPropertyName("d")] IdentifyData D);

internal sealed record IdentifyData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("properties")] ConnectionProperties Properties);

internal sealed record ConnectionProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);

internal sealed record ResumeCommand([property: JsonPropertyName("op")] int Op, [property: JsonPropertyName("d")] ResumeData D);

internal sealed record ResumeData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("seq")] long? Seq);

[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
internal sealed partial class GatewayJson : JsonSerializerContext;
