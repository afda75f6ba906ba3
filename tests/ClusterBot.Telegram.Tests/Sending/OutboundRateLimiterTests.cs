using ClusterBot.Telegram.Sending;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Telegram.Tests.Sending;

/// <summary>When each send is let through, on a fake clock moved a millisecond at a time.</summary>
public sealed class OutboundRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    private OutboundRateLimiter Limiter() => new(Options.Create(new TelegramOptions { Token = "1:x", RateLimitingEnabled = true }), _time);

    private Task<List<TimeSpan>> TurnTimesAsync(Func<int, ValueTask> takeTurn, int turns) => Task.Run(() => TurnTimesOffContextAsync(takeTurn, turns));

    private async Task<List<TimeSpan>> TurnTimesOffContextAsync(Func<int, ValueTask> takeTurn, int turns)
    {
        var start = _time.GetUtcNow();
        var times = new List<TimeSpan>();
        for (var i = 0; i < turns; i++)
        {
            // Started here, so it has reached its wait before the clock moves (a turn handed to a busy thread pool
            // would start late, after the clock had run on); off any synchronisation context, it resumes inline.
            var turn = takeTurn(i).AsTask();
            while (!turn.IsCompleted)
            {
                _time.Advance(TimeSpan.FromMilliseconds(1));
                await Task.Yield();
            }

            await turn;
            times.Add(_time.GetUtcNow() - start);
        }

        return times;
    }

    [Fact]
    public async Task The_21st_reply_in_a_group_keeps_a_margin_beyond_the_minute()
    {
        using var limiter = Limiter();

        var times = await TurnTimesAsync(_ => limiter.WaitForTurnAsync(-100, isGroup: true, CancellationToken.None), 21);

        // One a second in the chat; the clock runs on while a busy machine schedules each turn, so the top of the range is loose.
        Assert.InRange(times[19], TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(20));
        Assert.True(times[20] >= TimeSpan.FromSeconds(61), $"the 21st reply went {times[20].TotalSeconds} s after the 1st");
    }

    [Fact]
    public async Task Replies_to_many_chats_are_paced_evenly_not_sent_in_bursts_at_each_second()
    {
        using var limiter = Limiter();

        var times = await TurnTimesAsync(i => limiter.WaitForTurnAsync(1000 + i, isGroup: false, CancellationToken.None), 60);

        var closest = times.Zip(times.Skip(1), (a, b) => b - a).Min();
        // Evenly paced is 33 ms apart, a burst 0–1 ms; a busy machine that is late to notice one turn shortens the next gap.
        Assert.True(closest >= TimeSpan.FromMilliseconds(10), $"two replies went out {closest.TotalMilliseconds} ms apart");
        Assert.True(times.Count(t => t < TimeSpan.FromSeconds(1)) <= 30);
    }
}
