using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>Bounded waits, so a broken test fails with a message instead of hanging.</summary>
public static class Wait
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    public static async Task<T> ForAsync<T>(Func<T?> probe, string what, TimeSpan? timeout = null, FakeTimeProvider? pump = null, TimeSpan? step = null)
        where T : class
    {
        var limit = timeout ?? Default;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found) return found;
            if (clock.Elapsed > limit) throw new TimeoutException($"Timed out waiting for {what}.");
            // Pumping moves the fake clock along while waiting, for code that waits on it (backoff, retry_after).
            pump?.Advance(step ?? TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null, FakeTimeProvider? pump = null, TimeSpan? step = null) =>
        ForAsync(() => condition() ? "" : null, what, timeout, pump, step);
}
