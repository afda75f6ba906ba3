using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Gateway.Transport;

/// <summary>
/// The gateway's transport: one client WebSocket, read as whole text messages (frames reassembled, oversized and
/// binary messages skipped), written one message at a time, and closed with a code of the caller's choosing.
/// It knows nothing of opcodes; <see cref="Protocol.GatewayProtocol"/> does.
/// </summary>
internal sealed partial class GatewaySocket(ILogger logger, int maxMessageBytes = GatewaySocket.DefaultMaxMessageBytes) : IDisposable
{
    /// <summary>Large enough for READY of a bot in many guilds; a bigger message is dropped, not buffered without end.</summary>
    public const int DefaultMaxMessageBytes = 8 * 1024 * 1024;

    /// <summary>How long a close frame may take to go out before the socket is left to its fate.</summary>
    private static readonly TimeSpan CloseSendTimeout = TimeSpan.FromSeconds(2);

    private readonly ClientWebSocket _socket = new();

    // ClientWebSocket allows one send at a time; heartbeats, commands and the close frame come from different loops.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>The code the peer closed with, once it did.</summary>
    public int? CloseStatus => (int?)_socket.CloseStatus;

    public string? CloseStatusDescription => _socket.CloseStatusDescription;

    public async Task ConnectAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connectTimeout.CancelAfter(timeout);
        await _socket.ConnectAsync(url, connectTimeout.Token);
    }

    /// <summary>Sends one UTF-8 text message.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> utf8Text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(utf8Text, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next whole text message as UTF-8, or null once the peer has closed the connection.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken)
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

                    if (message.Length + result.Count > maxMessageBytes) tooLarge = true;
                    if (!tooLarge) message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (tooLarge)
                {
                    LogSkipped(logger, "message larger than " + maxMessageBytes + " bytes");
                    continue;
                }

                if (result.MessageType != WebSocketMessageType.Text)
                {
                    // We never ask for compression, so a binary message is not something we can read.
                    LogSkipped(logger, "binary message");
                    continue;
                }

                return message.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Sends a close frame with <paramref name="code"/>, if the socket can still send one. Only the output side is
    /// closed: the receive loop then ends on the peer's echo, which is what lets the peer read our code.
    /// Never throws: the socket is going away either way.
    /// </summary>
    public async Task CloseAsync(int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseSendTimeout);
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Nothing more to do: the peer sees a dropped connection instead of our code.
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: skipped a {Problem}")]
    private static partial void LogSkipped(ILogger logger, string problem);
}
