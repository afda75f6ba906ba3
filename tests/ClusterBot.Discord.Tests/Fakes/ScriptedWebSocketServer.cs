using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>A bare WebSocket server on 127.0.0.1 whose one connection runs a script: frames exactly as the test writes them.</summary>
public sealed class ScriptedWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _scriptDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ScriptedWebSocketServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Ends when the script has run (or failed, with its exception).</summary>
    public Task ScriptDone => _scriptDone.Task;

    public static async Task<ScriptedWebSocketServer> StartAsync(Func<WebSocket, Task> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new ScriptedWebSocketServer(builder.Build());
        server._app.UseWebSockets();
        server._app.Map("/", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            try
            {
                await script(socket);
                server._scriptDone.TrySetResult();
            }
            catch (Exception ex)
            {
                server._scriptDone.TrySetException(ex);
            }
        });
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal).TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
