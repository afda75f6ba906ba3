using ClusterBot.Core.Operations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Operations;

public class InboundFloodGuardTests
{
    private static InboundFloodGuard Guard(int max, int windowSeconds = 60) =>
        new(Options.Create(new InboundOptions { MaxQuestions = max, WindowSeconds = windowSeconds }));

    [Fact]
    public void Over_the_limit_a_user_gets_one_notice_then_silence()
    {
        using var guard = Guard(3);
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Silent, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Silent, guard.Check("telegram", "1"));
    }

    [Fact]
    public void Other_users_and_platforms_are_unaffected()
    {
        using var guard = Guard(1);
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "2"));
        Assert.Equal(FloodVerdict.Allowed, guard.Check("discord", "1"));
    }

    [Fact]
    public async Task After_the_window_the_user_is_let_in_again()
    {
        using var guard = Guard(1, windowSeconds: 1);
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var verdict = FloodVerdict.Silent;
        while (verdict != FloodVerdict.Allowed && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            verdict = guard.Check("telegram", "1");
        }

        Assert.Equal(FloodVerdict.Allowed, verdict);
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));
    }
}

public sealed class InboundFloodGuardClockTests
{
    [Fact]
    public void The_window_follows_the_injected_clock_and_slides_rather_than_resetting()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var guard = new InboundFloodGuard(Options.Create(new InboundOptions { MaxQuestions = 2, WindowSeconds = 30 }), time);
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));

        time.Advance(TimeSpan.FromSeconds(10)); // the first question has left the window, the second has not
        Assert.Equal(FloodVerdict.Allowed, guard.Check("telegram", "1"));
        Assert.Equal(FloodVerdict.Notice, guard.Check("telegram", "1"));
        time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(FloodVerdict.Silent, guard.Check("telegram", "1"));
    }
}
