using ClusterBot.Testing;
using System.Net;
using System.Text;
using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Tests.Fakes;
using ClusterBot.Telegram.Webhook;

namespace ClusterBot.Telegram.Tests.Webhook;

/// <summary>The webhook endpoint in a real Kestrel host, posting as Telegram does.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cret-Token_42";
    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new();
    private FakeBotApi _api = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _bot = await BotHarness.StartAsync(_api, _temp.Database, s =>
        {
            s["Telegram:Mode"] = "Webhook";
            s["Telegram:WebhookUrl"] = "https://bot.example.org/hooks/tg";
            s["Telegram:WebhookSecret"] = Secret;
            s["Telegram:MaxWebhookBodyBytes"] = "4096";
        });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    private async Task<HttpStatusCode> Post(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.WebhookBaseUrl + "/hooks/tg")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null) request.Headers.Add(WebhookEndpoint.SecretHeader, secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public void Start_up_registers_the_webhook_with_the_secret_and_the_update_types()
    {
        var set = Assert.Single(_api.Calls, c => c.Method == "setWebhook");
        Assert.Equal("https://bot.example.org/hooks/tg", set.Str("url"));
        Assert.Equal(Secret, set.Str("secret_token"));
        var types = set.Body.GetProperty("allowed_updates").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(TelegramStartup.AllowedUpdates.Length, types.Count);
        Assert.Contains("message", types);
        Assert.Contains("callback_query", types);
        Assert.Contains("inline_query", types);
        Assert.DoesNotContain(_api.Calls, c => c.Method is "deleteWebhook" or "getUpdates");
    }

    [Fact]
    public async Task A_missing_secret_is_401_and_a_wrong_one_403()
    {
        var update = Updates.PrivateText(1, 4001, "/help").ToJsonString();
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(update, null));
        Assert.Equal(HttpStatusCode.Forbidden, await Post(update, "wrong-secret"));
        Assert.Empty(_api.Sent);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"update_id\": \"oops\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    // Valid JSON the library cannot convert: a date no DateTime can hold.
    [InlineData("{\"update_id\":9,\"message\":{\"message_id\":1,\"date\":99999999999999,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"hi\"}}")]
    public async Task A_malformed_body_is_400(string body) =>
        Assert.Equal(HttpStatusCode.BadRequest, await Post(body, Secret));

    [Fact]
    public async Task An_oversized_body_is_400()
    {
        var update = Updates.PrivateText(1, 4002, new string('x', 5000)).ToJsonString();
        Assert.Equal(HttpStatusCode.BadRequest, await Post(update, Secret));
    }

    [Fact]
    public async Task An_update_is_accepted_with_200_answered_in_the_background_and_a_retry_is_not_answered_twice()
    {
        var update = Updates.PrivateText(7, 4003, "/country korea").ToJsonString();
        Assert.Equal(HttpStatusCode.OK, await Post(update, Secret));
        await FakeBotApi.WaitUntil(() => !_api.Sent.IsEmpty, "the reply");

        // Telegram retries a delivery it thinks failed; the ledger remembers update 7.
        Assert.Equal(HttpStatusCode.OK, await Post(update, Secret));
        Assert.Equal(HttpStatusCode.OK, await Post(Updates.PrivateText(8, 4003, "/country china").ToJsonString(), Secret));
        await FakeBotApi.WaitUntil(() => _api.Sent.Count >= 2, "the second reply");
        // The retry is dropped by the inbox when update 7 is still in it, else skipped by the ledger: either way a
        // second reply to it would come right after the reply to 8, so a moment past that shows there is none.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, _api.Sent.Count);
        Assert.Single(_api.Sent, s => s.Number("chat_id") == 4003 && (s.Str("text") ?? "").Contains("Корея", StringComparison.Ordinal));
    }
}
