using System.Net.WebSockets;
using System.Text;
using ClusterBot.Discord.Gateway.Transport;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterBot.Discord.Tests.Gateway.Transport;

/// <summary>The transport on its own, against a WebSocket server that writes frames exactly as scripted.</summary>
public sealed class GatewaySocketTests
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private static Task SendTextAsync(WebSocket socket, string text, bool endOfMessage = true) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage, CancellationToken.None);

    private static async Task<string?> ReceiveTextAsync(GatewaySocket socket)
    {
        using var timeout = new CancellationTokenSource(Wait.Default);
        return await socket.ReceiveAsync(timeout.Token) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
    }

    /// <summary>Reads until the client's close frame and answers it, as a well-behaved peer does.</summary>
    private static async Task<int?> AwaitCloseAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType != WebSocketMessageType.Close) continue;
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            return (int?)result.CloseStatus;
        }
    }

    [Fact]
    public async Task A_message_sent_in_fragments_arrives_whole()
    {
        await using var server = await ScriptedWebSocketServer.StartAsync(async ws =>
        {
            await SendTextAsync(ws, "{\"op\":0,", endOfMessage: false);
            await SendTextAsync(ws, "\"t\":\"X\",", endOfMessage: false);
            await SendTextAsync(ws, "\"d\":{}}");
            await AwaitCloseAsync(ws);
        });
        using var socket = new GatewaySocket(NullLogger.Instance);
        await socket.ConnectAsync(server.Url, ConnectTimeout, CancellationToken.None);

        Assert.Equal("""{"op":0,"t":"X","d":{}}""", await ReceiveTextAsync(socket));
        await socket.CloseAsync(1000, "done");
    }

    [Fact]
    public async Task Oversized_and_binary_messages_are_skipped_and_the_next_text_message_is_read()
    {
        await using var server = await ScriptedWebSocketServer.StartAsync(async ws =>
        {
            await SendTextAsync(ws, new string('x', 40), endOfMessage: false);
            await SendTextAsync(ws, new string('x', 40));
            await ws.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
            await SendTextAsync(ws, "small");
            await AwaitCloseAsync(ws);
        });
        using var socket = new GatewaySocket(NullLogger.Instance, maxMessageBytes: 64);
        await socket.ConnectAsync(server.Url, ConnectTimeout, CancellationToken.None);

        Assert.Equal("small", await ReceiveTextAsync(socket));
        await socket.CloseAsync(1000, "done");
    }

    [Fact]
    public async Task A_close_from_the_peer_ends_receiving_with_its_code()
    {
        await using var server = await ScriptedWebSocketServer.StartAsync(async ws =>
        {
            await ws.CloseOutputAsync((WebSocketCloseStatus)4004, "Authentication failed.", CancellationToken.None);
            var buffer = new byte[64];
            while (ws.State == WebSocketState.CloseSent) await ws.ReceiveAsync(buffer, CancellationToken.None);
        });
        using var socket = new GatewaySocket(NullLogger.Instance);
        await socket.ConnectAsync(server.Url, ConnectTimeout, CancellationToken.None);

        Assert.Null(await ReceiveTextAsync(socket));
        Assert.Equal(4004, socket.CloseStatus);
        Assert.Equal("Authentication failed.", socket.CloseStatusDescription);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    public async Task Close_sends_the_code_and_the_receive_loop_ends_on_the_echo(int code)
    {
        var seen = new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedWebSocketServer.StartAsync(async ws => seen.TrySetResult(await AwaitCloseAsync(ws)));
        using var socket = new GatewaySocket(NullLogger.Instance);
        await socket.ConnectAsync(server.Url, ConnectTimeout, CancellationToken.None);
        var receiving = ReceiveTextAsync(socket);

        await socket.CloseAsync(code, "bye");

        Assert.Equal(code, await seen.Task.WaitAsync(Wait.Default));
        // The pending receive was not aborted: it ended on the echo, like a clean close.
        Assert.Null(await receiving.WaitAsync(Wait.Default));
    }

    [Fact]
    public async Task Sends_from_several_loops_at_once_arrive_as_whole_messages()
    {
        var received = new List<string>();
        await using var server = await ScriptedWebSocketServer.StartAsync(async ws =>
        {
            var buffer = new byte[4096];
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                lock (received) received.Add(Encoding.UTF8.GetString(message.ToArray()));
            }
        });
        using var socket = new GatewaySocket(NullLogger.Instance);
        await socket.ConnectAsync(server.Url, ConnectTimeout, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => socket.SendAsync(Encoding.UTF8.GetBytes(new string((char)('a' + i), 1000)), CancellationToken.None))));
        await socket.CloseAsync(1000, "done");
        await server.ScriptDone.WaitAsync(Wait.Default);

        Assert.Equal(20, received.Count);
        Assert.All(received, m => Assert.True(m.Length == 1000 && m.All(c => c == m[0]), "a message was interleaved with another"));
    }
}
