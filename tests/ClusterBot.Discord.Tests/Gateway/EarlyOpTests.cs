using ClusterBot.Discord.Tests.Fakes;

namespace ClusterBot.Discord.Tests;

/// <summary>Op 7 or op 9 where Hello was expected is acted on at once.</summary>
public sealed class EarlyOpTests
{
    [Fact]
    public async Task Op_7_instead_of_hello_reconnects_at_once_and_resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var first = await AdapterTests.HandshakeAsync(fake);
        await first.SendAsync("""{"op":7,"d":null}""");
        var second = await fake.NextConnectionAsync();

        await second.SendAsync("""{"op":7,"d":null}""");
        // Hello would have been waited for (30 s) before: the next connection comes after only the backoff.
        Assert.Equal(4000, await second.WaitClosedAsync());
        await Wait.UntilAsync(() => fake.HasPendingConnection, "a new connection", pump: bot.Time);
        var third = await fake.NextConnectionAsync();
        Assert.Equal("/resume", third.Path);
        await third.SendHelloAsync(41_250);
        Assert.Equal("session-1", (await third.ExpectOpAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Fact]
    public async Task Op_9_instead_of_hello_identifies_afresh()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var first = await AdapterTests.HandshakeAsync(fake);
        await first.SendAsync("""{"op":7,"d":null}""");
        var second = await fake.NextConnectionAsync();

        await second.SendAsync("""{"op":9,"d":false}""");
        await second.WaitClosedAsync();
        await Wait.UntilAsync(() => fake.HasPendingConnection, "a new connection", pump: bot.Time);
        var third = await fake.NextConnectionAsync();
        Assert.Equal("/gateway", third.Path);
        await third.SendHelloAsync(41_250);
        await third.ExpectOpAsync(2);
    }
}
