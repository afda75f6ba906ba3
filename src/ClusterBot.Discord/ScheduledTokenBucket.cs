namespace ClusterBot.Discord;

/// <summary>
/// A token bucket refilled by a <see cref="TimeProvider"/> timer. System.Threading.RateLimiting's limiters measure
/// elapsed time on the wall clock even when replenished by hand, so they cannot follow an injected clock; this
/// one does, which keeps every wait of the adapter on one clock (a fake one in tests).
/// </summary>
internal sealed class ScheduledTokenBucket : IDisposable
{
    private readonly SemaphoreSlim _tokens;
    private readonly ITimer _refill;
    private readonly int _capacity;
    private readonly int _tokensPerPeriod;
    private readonly Lock _gate = new();

    /// <param name="capacity">Tokens available in a burst.</param>
    /// <param name="tokensPerPeriod">Tokens added every period, up to the capacity.</param>
    public ScheduledTokenBucket(int capacity, int tokensPerPeriod, TimeSpan period, TimeProvider time)
    {
        _capacity = capacity;
        _tokensPerPeriod = tokensPerPeriod;
        _tokens = new SemaphoreSlim(capacity, capacity);
        _refill = time.CreateTimer(_ => Refill(), null, period, period);
    }

    /// <summary>Takes a token, waiting for the next refill when none is left.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _tokens.WaitAsync(cancellationToken);

    private void Refill()
    {
        lock (_gate)
        {
            var missing = Math.Min(_tokensPerPeriod, _capacity - _tokens.CurrentCount);
            if (missing > 0) _tokens.Release(missing);
        }
    }

    public void Dispose()
    {
        _refill.Dispose();
        _tokens.Dispose();
    }
}
