using ClusterBot.Testing;
using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Tests.Startup;

public sealed class StartupTests : FakeBotApiTest
{
    private static void AssertNoSecret(LogCollector logs) =>
        Assert.DoesNotContain(logs.Lines, l => l.Text.Contains(FakeBotApi.Secret, StringComparison.Ordinal));

    /// <summary>
    /// The adapter's own line is the only problem reported: no second report from the host (a failed start with
    /// a stack trace) or from the web server, whose start a stop too early would cancel.
    /// </summary>
    private static async Task AssertStoppedWithOneClearLine(BotHarness bot, params string[] reasonContains)
    {
        var lifetime = bot.Get<IHostApplicationLifetime>();
        await FakeBotApi.WaitUntil(() => lifetime.ApplicationStopping.IsCancellationRequested, "the application to stop");

        var failure = Assert.Single(bot.Get<StartupFailures>().All);
        Assert.Equal("telegram", failure.Component);
        Assert.All(reasonContains, fragment => Assert.Contains(fragment, failure.Reason));
        var problem = Assert.Single(bot.Logs.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Critical, problem.Level);
        Assert.Equal(failure.Reason, problem.Text);
        Assert.DoesNotContain("\n", problem.Text);
        AssertNoSecret(bot.Logs);
    }

    [Fact]
    public async Task A_refused_getMe_stops_the_app_with_one_clear_line_and_no_token()
    {
        Api.Fail("getMe", 401, "Unauthorized");
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);

        await AssertStoppedWithOneClearLine(bot, "getMe", "401");
        Assert.DoesNotContain(Api.Calls, c => c.Method == "getUpdates");
    }

    [Fact]
    public async Task A_refused_setWebhook_stops_the_web_host_with_one_clear_line_and_no_token()
    {
        Api.Fail("setWebhook", 400, "Bad Request: bad webhook: HTTPS url must be provided for webhook");
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s =>
        {
            s["Telegram:Mode"] = "Webhook";
            s["Telegram:WebhookUrl"] = "https://bot.example.org/hooks/tg";
            s["Telegram:WebhookSecret"] = "s3cret-Token_42";
        });

        await AssertStoppedWithOneClearLine(bot, "setWebhook", "400");
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("12345:short")]
    public async Task A_malformed_token_fails_validation_without_calling_telegram_or_showing_the_token(string token)
    {
        var failure = await Assert.ThrowsAsync<HarnessStartException>(() =>
            BotHarness.StartAsync(Api, Temp.Database, s => s["Telegram:Token"] = token));

        var validation = Assert.IsType<OptionsValidationException>(failure.InnerException);
        Assert.Contains("Telegram:Token is malformed", validation.Message);
        Assert.DoesNotContain(token, validation.Message);
        Assert.Empty(Api.Calls);
    }

    [Fact]
    public async Task A_working_start_never_logs_the_token()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Fail("sendMessage", 500, "Internal Server Error");
        Api.Enqueue(Updates.PrivateText(1, 3001, "/help"));
        await Api.WaitForAck(1);

        Assert.True(bot.Logs.Any("@ClusterBot started in Polling mode"));
        Assert.Empty(bot.Get<StartupFailures>().All);
        Assert.False(bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        AssertNoSecret(bot.Logs);
    }
}
