using ClusterBot.Discord.Tests.Fakes;

namespace ClusterBot.Discord.Tests;

/// <summary>Stopping the host (SIGTERM) ends the gateway session cleanly, so Discord does not keep a ghost online.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_host_sends_close_1000_before_the_socket_goes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        await connection.SendDispatchAsync("GUILD_CREATE", 2, DiscordSamples.GuildCreate());

        await bot.DisposeAsync();

        // Null would mean the socket was aborted without a close frame: the session would linger for minutes.
        Assert.Equal(1000, await connection.WaitClosedAsync());
        Assert.False(fake.HasPendingConnection);
    }

    [Fact]
    public async Task Stopping_while_waiting_for_hello_still_closes_with_1000()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var bot = await TestBot.StartAsync(fake);
        var connection = await fake.NextConnectionAsync();

        await bot.DisposeAsync();

        Assert.Equal(1000, await connection.WaitClosedAsync());
    }
}
