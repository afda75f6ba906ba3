using ClusterBot.Testing;
using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Telegram.Tests.Diagnostics;

/// <summary>What /readyz learns from the Telegram adapter: ready only while updates can reach the bot.</summary>
public sealed class TelegramReadinessTests : FakeBotApiTest
{
    /// <summary>The check as /readyz finds it: among every registered IReadinessCheck, by name.</summary>
    private static IReadinessCheck Telegram(IServiceProvider services) =>
        Assert.Single(services.GetServices<IReadinessCheck>(), c => c.Name == "telegram");

    [Fact]
    public async Task Polling_is_ready_once_the_loop_runs_and_not_ready_once_stopped()
    {
        var bot = await BotHarness.StartAsync(Api, Temp.Database);
        var check = Telegram(bot.Services);
        await FakeBotApi.WaitUntil(() => check.Check().Ready, "readiness");
        Assert.Contains("@ClusterBot polling", check.Check().Detail);
        Assert.Contains(Api.Calls, c => c.Method == "getMe");

        await bot.StopAsync();
        Assert.Equal((false, "stopped"), check.Check());
        await bot.DisposeAsync();
    }

    [Fact]
    public async Task Webhook_is_ready_once_set()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s =>
        {
            s["Telegram:Mode"] = "Webhook";
            s["Telegram:WebhookUrl"] = "https://bot.example.org/hooks/tg";
            s["Telegram:WebhookSecret"] = "s3cret";
        });
        var check = Telegram(bot.Services);
        await FakeBotApi.WaitUntil(() => check.Check().Ready, "readiness");

        Assert.Contains("webhook set", check.Check().Detail);
        Assert.Contains(Api.Calls, c => c.Method == "setWebhook");
    }

    [Fact]
    public async Task A_refused_getMe_leaves_it_not_ready_with_the_reason_and_no_token()
    {
        var state = new TelegramConnectionState();
        Api.Fail("getMe", 401, "Unauthorized");
        // The failed start is recorded and the application stopped; the host itself starts.
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, services: s => s.AddSingleton(state));

        var (ready, detail) = new TelegramReadinessCheck(state).Check();
        Assert.False(ready);
        Assert.Contains("getMe", detail);
        Assert.Contains("401", detail);
        Assert.DoesNotContain(FakeBotApi.Secret, detail);
    }

    [Fact]
    public void Before_start_up_it_is_not_ready()
    {
        var (ready, detail) = new TelegramReadinessCheck(new TelegramConnectionState()).Check();
        Assert.False(ready);
        Assert.Contains("getMe", detail);
    }

    [Fact]
    public void Polls_failing_in_a_row_make_it_not_ready_until_one_succeeds()
    {
        var state = new TelegramConnectionState();
        var check = new TelegramReadinessCheck(state);
        state.PollingStarted("ClusterBot");

        // One failed long poll is a blip, not a reason to take the instance out of rotation.
        for (var i = 1; i < TelegramConnectionState.FailuresBeforeNotReady; i++) state.PollFailed("502 Bad Gateway");
        Assert.True(check.Check().Ready);

        state.PollFailed("409 Conflict: terminated by other getUpdates request");
        var (ready, detail) = check.Check();
        Assert.False(ready);
        Assert.Contains("409 Conflict", detail);

        state.PollSucceeded();
        Assert.Equal((true, "@ClusterBot polling"), check.Check());
    }

    [Fact]
    public void Stopping_overrides_a_healthy_state()
    {
        var state = new TelegramConnectionState();
        state.WebhookSet("ClusterBot");
        Assert.True(state.Snapshot().Ready);

        state.Stopped();
        Assert.Equal((false, "stopped"), state.Snapshot());
    }
}
