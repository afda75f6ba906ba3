using ClusterBot.Core.Operations;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Core.Tests.Operations;

/// <summary>The one limiter, on a fake clock moved by hand: when each turn comes, not whether it comes eventually.</summary>
public sealed class PacedRateLimiterTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>Takes turns one after another, moving the clock a millisecond at a time, and says when each came.</summary>
    internal static Task<List<TimeSpan>> TurnTimesAsync(FakeTimeProvider time, Func<ValueTask> takeTurn, int turns) =>
        Task.Run(() => TurnTimesOffContextAsync(time, takeTurn, turns));

    private static async Task<List<TimeSpan>> TurnTimesOffContextAsync(FakeTimeProvider time, Func<ValueTask> takeTurn, int turns)
    {
        var start = time.GetUtcNow();
        var times = new List<TimeSpan>();
        for (var i = 0; i < turns; i++)
        {
            // Started here, so it has reached its wait before the clock moves (a turn handed to a busy thread pool
            // would start late, after the clock had run on); off any synchronisation context, it resumes inline.
            var turn = takeTurn().AsTask();
            while (!turn.IsCompleted)
            {
                time.Advance(Step);
                await Task.Yield();
            }

            await turn;
            times.Add(time.GetUtcNow() - start);
        }

        return times;
    }

    [Fact]
    public async Task Bursts_up_to_the_permits_then_waits_for_the_oldest_to_leave_the_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new PacedRateLimiter(new RateLimitRule(3, TimeSpan.FromSeconds(10)), time);

        var times = await TurnTimesAsync(time, () => limiter.WaitAsync(CancellationToken.None), 7);

        Assert.Equal([0, 0, 0, 10, 10, 10, 20], times.Select(t => (int)t.TotalSeconds));
    }

    [Fact]
    public async Task A_paced_rule_spreads_turns_evenly_instead_of_bursting_at_each_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new PacedRateLimiter(RateLimitRule.Paced(30, TimeSpan.FromSeconds(1)), time);

        var times = await TurnTimesAsync(time, () => limiter.WaitAsync(CancellationToken.None), 61);

        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, g => Assert.True(g >= TimeSpan.FromMilliseconds(33), $"two turns only {g.TotalMilliseconds} ms apart"));
        Assert.InRange(times[^1], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.05));
    }

    [Fact]
    public async Task Waiters_are_served_in_arrival_order_and_counted_while_they_wait()
    {
        var time = new FakeTimeProvider();
        var limiter = new PacedRateLimiter(new RateLimitRule(1, TimeSpan.FromSeconds(1)), time);
        var order = new List<int>();
        await limiter.WaitAsync(CancellationToken.None);
        var waiting = Enumerable.Range(1, 3).Select(async i =>
        {
            await limiter.WaitAsync(CancellationToken.None);
            lock (order) order.Add(i);
        }).ToList();
        Assert.Equal(3, limiter.Waiting);

        for (var i = 0; i < 3; i++) time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(waiting).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 2, 3], order);
        Assert.Equal(0, limiter.Waiting);
    }

    [Fact]
    public void TryAcquire_refuses_without_using_a_turn_and_holds_over_any_window_not_per_fixed_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new PacedRateLimiter(new RateLimitRule(2, TimeSpan.FromSeconds(10)), time);
        Assert.True(limiter.TryAcquire());
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        time.Advance(TimeSpan.FromSeconds(1)); // the first left the window; the second has not
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
        time.Advance(TimeSpan.FromSeconds(8.9));
        Assert.False(limiter.TryAcquire());
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(limiter.TryAcquire());
    }

    [Fact]
    public void Keys_are_limited_apart_and_an_idle_key_is_as_good_as_new()
    {
        var time = new FakeTimeProvider();
        var limiter = new KeyedRateLimiter<long>(new RateLimitRule(1, TimeSpan.FromSeconds(5)), time);
        Assert.True(limiter.TryAcquire(1));
        Assert.False(limiter.TryAcquire(1));
        Assert.True(limiter.TryAcquire(2));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(limiter.TryAcquire(1));
    }
}
