using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>One client connection to the fake gateway: the test scripts what Discord sends and reads what the client sent.</summary>
public sealed class FakeGatewayConnection(WebSocket socket, string path, string query)
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Answer heartbeats with op 11, as Discord does; off to make the connection a zombie.</summary>
    public bool AutoAck { get; set; } = true;

    private int _heartbeats;

    public int HeartbeatsReceived => Volatile.Read(ref _heartbeats);

    /// <summary>The close code the client sent, once it closed.</summary>
    public Task<int?> Closed => _closed.Task;

    internal async Task RunAsync(CancellationToken aborted)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, aborted);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray())).RootElement.Clone();
                if (json.GetProperty("op").GetInt32() == 1)
                {
                    Interlocked.Increment(ref _heartbeats);
                    if (AutoAck) await SendAsync("""{"op":11}""");
                }

                _received.Writer.TryWrite(json);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _received.Writer.TryComplete();
            _finished.TrySetResult();
        }
    }

    public async Task SendAsync(string payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync(int heartbeatIntervalMs) =>
        SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{heartbeatIntervalMs}}},"s":null,"t":null}""");

    public Task SendDispatchAsync(string name, long sequence, object data) =>
        SendAsync(JsonSerializer.Serialize(new { op = 0, d = data, s = sequence, t = name }));

    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next payload the client sent with the given op, skipping heartbeats unless op 1 is asked for.</summary>
    public async Task<JsonElement> ExpectOpAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Wait.Default);
        try
        {
            while (true)
            {
                var payload = await _received.Reader.ReadAsync(cts.Token);
                var got = payload.GetProperty("op").GetInt32();
                if (got == op) return payload;
                if (got == 1) continue;
                throw new InvalidOperationException($"Expected op {op} from the client, got: {payload}");
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The client sent no op {op}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The connection closed before the client sent op {op}.");
        }
    }

    public async Task<int?> WaitClosedAsync(TimeSpan? timeout = null) => await Closed.WaitAsync(timeout ?? Wait.Default);
}
