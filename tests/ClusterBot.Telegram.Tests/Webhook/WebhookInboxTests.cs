using System.Net;
using System.Text;
using ClusterBot.Telegram.Tests.Fakes;
using ClusterBot.Telegram.Webhook;
using ClusterBot.Testing;

namespace ClusterBot.Telegram.Tests.Webhook;

/// <summary>An update the endpoint answered 200 for is in the store: a stop mid-reply does not lose it.</summary>
public sealed class WebhookInboxTests : IAsyncLifetime
{
    private const string Secret = "inbox-Secret_1";
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private Task<BotHarness> Start() => BotHarness.StartAsync(_api, _temp.Database, s =>
    {
        s["Telegram:Mode"] = "Webhook";
        s["Telegram:WebhookUrl"] = "https://bot.example.org/hooks/tg";
        s["Telegram:WebhookSecret"] = Secret;
        s["Telegram:ShutdownGrace"] = "00:00:01";
    });

    private async Task<HttpStatusCode> Post(BotHarness bot, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookBaseUrl + "/hooks/tg") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookEndpoint.SecretHeader, Secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task An_accepted_update_interrupted_by_shutdown_is_answered_once_after_restart_and_its_chat_waits_for_it()
    {
        _api.DeliverAtMost = 0;
        await using (var first = await Start())
        {
            Assert.Equal(HttpStatusCode.OK, await Post(first, Updates.PrivateText(1, 4101, "/country korea").ToJsonString()));
            Assert.Equal(HttpStatusCode.OK, await Post(first, Updates.PrivateText(2, 4101, "/country china").ToJsonString()));
            await FakeBotApi.WaitUntil(() => _api.Held == 1, "the first reply in flight");
            await first.StopAsync();
            Assert.True(first.Logs.Any("interrupted by shutdown"), first.Logs.All);
            Assert.True(first.Logs.Any("2 update(s) wait in the store's inbox"), first.Logs.All);
        }

        Assert.Equal(0, _api.Delivered);
        _api.DeliverAtMost = null;
        await using var second = await Start();
        await FakeBotApi.WaitUntil(() => _api.Delivered == 2, "both replies after the restart");
        var replies = _api.Sent.Select(s => s.Str("text") ?? "").ToList();
        Assert.Contains("Корея", replies[0], StringComparison.Ordinal);
        Assert.Contains("Китай", replies[1], StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.Equal(2, _api.Delivered);
    }
}
