using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Tests.Startup;

public sealed class StartupTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    private static void AssertNoSecret(LogCollector logs)
    {
        var secret = FakeBotApi.Token[(FakeBotApi.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_getMe_stops_start_up_with_one_clear_line_and_no_token()
    {
        _api.Fail("getMe", 401, "Unauthorized");
        var failure = await Assert.ThrowsAsync<HarnessStartException>(() => BotHarness.StartAsync(_api, _temp.Database));

        var startup = Assert.IsType<TelegramStartupException>(failure.InnerException);
        Assert.Contains("getMe", startup.Message);
        Assert.Contains("401", startup.Message);
        var critical = Assert.Single(failure.Logs.Lines, l => l.Level == LogLevel.Critical);
        Assert.Equal(startup.Message, critical.Text);
        Assert.DoesNotContain("\n", critical.Text);
        AssertNoSecret(failure.Logs);
        Assert.DoesNotContain(_api.Calls, c => c.Method == "getUpdates");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("12345:short")]
    public async Task A_malformed_token_fails_validation_without_calling_telegram_or_showing_the_token(string token)
    {
        var failure = await Assert.ThrowsAsync<HarnessStartException>(() =>
            BotHarness.StartAsync(_api, _temp.Database, s => s["Telegram:Token"] = token));

        var validation = Assert.IsType<OptionsValidationException>(failure.InnerException);
        Assert.Contains("Telegram:Token is malformed", validation.Message);
        Assert.DoesNotContain(token, validation.Message);
        Assert.Empty(_api.Calls);
    }

    [Fact]
    public async Task A_working_start_never_logs_the_token()
    {
        await using var bot = await BotHarness.StartAsync(_api, _temp.Database);
        _api.Fail("sendMessage", 500, "Internal Server Error");
        _api.Enqueue(Fakes.Updates.PrivateText(1, 3001, "/help"));
        await _api.WaitForAck(1);

        Assert.True(bot.Logs.Any("@ClusterBot started in Polling mode"));
        AssertNoSecret(bot.Logs);
    }
}
