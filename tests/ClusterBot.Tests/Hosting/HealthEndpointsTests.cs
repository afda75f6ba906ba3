using System.Net;
using System.Text.Json;
using ClusterBot.Cli;
using ClusterBot.Hosting;
using ClusterBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Tests.Hosting;

/// <summary>/healthz and /readyz as the container sees them, with an adapter whose receive loop has died.</summary>
public sealed class HealthEndpointsTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private WebApplication _discord = null!;

    /// <summary>A Discord REST API that rejects the token: the adapter logs it and its loop ends for good.</summary>
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _discord = builder.Build();
        _discord.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsync("""{"message": "401: Unauthorized", "code": 0}""");
        });
        await _discord.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        _temp.Dispose();
    }

    private IHost Bot(int port, bool withDiscord) => ClusterBotHost.Build(RunMode.Bot, new Dictionary<string, string?>
    {
        ["Http:Urls"] = $"http://127.0.0.1:{port}",
        ["Storage:Path"] = _temp.File("health.db"),
        ["Knowledge:Path"] = RepoPaths.Knowledge,
        ["Discord:Token"] = withDiscord ? "rejected-token" : null,
        ["Discord:ApplicationId"] = "123456789",
        ["Discord:ApiBaseUrl"] = _discord.Urls.Single() + "/api/v10",
        ["Discord:GatewayUrl"] = "ws://127.0.0.1:9/gateway",
    });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task A_dead_adapter_loop_fails_liveness_and_the_healthcheck_command()
    {
        var port = LoopbackPort.Free();
        using var host = Bot(port, withDiscord: true);
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(20);
            (HttpStatusCode Status, JsonElement Body) live;
            do
            {
                live = await GetAsync(http, "/healthz");
                if (live.Status != HttpStatusCode.OK) break;
                await Task.Delay(100);
            }
            while (DateTime.UtcNow < deadline);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, live.Status);
            Assert.False(live.Body.GetProperty("discord").GetProperty("alive").GetBoolean());
            Assert.Equal("receive loop ended", live.Body.GetProperty("discord").GetProperty("detail").GetString());
            Assert.True(live.Body.GetProperty("process").GetProperty("alive").GetBoolean());
            Assert.False(await HealthProbe.CheckAsync($"http://127.0.0.1:{port}/healthz", CancellationToken.None));

            var (readyStatus, ready) = await GetAsync(http, "/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
            Assert.False(ready.GetProperty("discord").GetProperty("ready").GetBoolean());
            Assert.Contains("401", ready.GetProperty("discord").GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.True(ready.GetProperty("knowledge").GetProperty("ready").GetBoolean());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Without_adapters_both_endpoints_answer_200_with_a_json_body_per_check()
    {
        var port = LoopbackPort.Free();
        using var host = Bot(port, withDiscord: false);
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var (liveStatus, live) = await GetAsync(http, "/healthz");
            var (readyStatus, ready) = await GetAsync(http, "/readyz");

            Assert.Equal(HttpStatusCode.OK, liveStatus);
            Assert.Equal(["process"], live.EnumerateObject().Select(p => p.Name));
            Assert.Equal(HttpStatusCode.OK, readyStatus);
            Assert.Equal(["knowledge", "state"], ready.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.All(ready.EnumerateObject(), p => Assert.True(p.Value.GetProperty("ready").GetBoolean()));
            Assert.True(await HealthProbe.CheckAsync($"http://127.0.0.1:{port}/healthz", CancellationToken.None));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
