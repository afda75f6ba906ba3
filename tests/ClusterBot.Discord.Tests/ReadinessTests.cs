using ClusterBot.Core.Abstractions;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Discord.Tests;

/// <summary>What /readyz learns from the Discord adapter: ready only while a gateway session is live.</summary>
public sealed class ReadinessTests
{
    /// <summary>The check as /readyz finds it: among every registered IReadinessCheck, by name.</summary>
    private static IReadinessCheck Discord(TestBot bot) =>
        Assert.Single(bot.Host.Services.GetServices<IReadinessCheck>(), c => c.Name == "discord");

    [Fact]
    public async Task Ready_after_READY_not_ready_while_reconnecting_ready_again_after_RESUMED()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var check = Discord(bot);
        var connection = await fake.NextConnectionAsync();
        Assert.False(check.Check().Ready);

        await connection.SendHelloAsync(41_250);
        await connection.ExpectOpAsync(2);
        Assert.False(check.Check().Ready);
        await connection.SendDispatchAsync("READY", 1, DiscordSamples.Ready(fake.ResumeUrl));
        await Wait.UntilAsync(() => check.Check().Ready, "ready after READY");
        Assert.Equal("session ready", check.Check().Detail);

        await connection.SendAsync("""{"op":7,"d":null}""");
        await connection.WaitClosedAsync();
        var second = await fake.NextConnectionAsync();
        var (ready, detail) = check.Check();
        Assert.False(ready);
        Assert.StartsWith("reconnecting: ", detail, StringComparison.Ordinal);
        Assert.Contains("op 7", detail, StringComparison.Ordinal);

        await second.SendHelloAsync(41_250);
        await second.ExpectOpAsync(6);
        Assert.False(check.Check().Ready);
        await second.SendDispatchAsync("RESUMED", 2, new { });
        await Wait.UntilAsync(() => check.Check().Ready, "ready after RESUMED");
        Assert.Equal("session resumed", check.Check().Detail);
    }

    [Fact]
    public async Task A_fatal_close_leaves_it_not_ready_with_the_code_and_cause()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var check = Discord(bot);
        var connection = await AdapterTests.HandshakeAsync(fake);
        await Wait.UntilAsync(() => check.Check().Ready, "ready after READY");

        await connection.CloseAsync(4004, "Authentication failed.");
        await bot.Adapter.ExecuteTask!.WaitAsync(Wait.Default);

        var (ready, detail) = check.Check();
        Assert.False(ready);
        Assert.Contains("4004", detail, StringComparison.Ordinal);
        Assert.Contains("authentication failed", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeIds.Token, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_leaves_it_not_ready()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.Script(r => r.Method == "PUT", new FakeResponse(401, """{"message": "401: Unauthorized", "code": 0}"""));
        await using var bot = await TestBot.StartAsync(fake);

        await bot.Adapter.ExecuteTask!.WaitAsync(Wait.Default);

        var (ready, detail) = Discord(bot).Check();
        Assert.False(ready);
        Assert.Contains("401", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_makes_it_not_ready()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var bot = await TestBot.StartAsync(fake);
        var check = Discord(bot);
        await AdapterTests.HandshakeAsync(fake);
        await Wait.UntilAsync(() => check.Check().Ready, "ready after READY");

        await bot.DisposeAsync();

        Assert.Equal((false, "stopped"), check.Check());
    }

    [Fact]
    public void The_state_reports_each_phase()
    {
        var state = new DiscordConnectionState();
        var check = new DiscordReadinessCheck(state);
        Assert.Equal((false, "not connected yet"), check.Check());

        state.Connected("session ready");
        Assert.Equal((true, "session ready"), check.Check());

        state.Reconnecting("closed with 1006");
        Assert.Equal((false, "reconnecting: closed with 1006"), check.Check());

        state.NotConnected("stopped");
        Assert.Equal((false, "stopped"), check.Check());
    }
}
