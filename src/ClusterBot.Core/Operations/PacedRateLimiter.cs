namespace ClusterBot.Core.Operations;

/// <summary>
/// A limit as a rule: at most <see cref="Permits"/> in any <see cref="Window"/>, and never two closer together than
/// <see cref="MinimumSpacing"/> (zero allows bursts; <c>Window / Permits</c> paces evenly).
/// </summary>
public sealed record RateLimitRule
{
    public RateLimitRule(int permits, TimeSpan window, TimeSpan minimumSpacing = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSpacing, TimeSpan.Zero);
        Permits = permits;
        Window = window;
        MinimumSpacing = minimumSpacing;
    }

    public int Permits { get; }

    public TimeSpan Window { get; }

    public TimeSpan MinimumSpacing { get; }

    /// <summary>N in any window, spread evenly: one every <c>window / permits</c>, never a burst at a window's start.</summary>
    public static RateLimitRule Paced(int permits, TimeSpan window) => new(permits, window, window / permits);
}

/// <summary>
/// The one rate limiter of the bot, for outbound sends (as a queue: <see cref="WaitAsync"/>) and inbound checks
/// (as a refusal: <see cref="TryAcquire"/>). It keeps the times of the last <c>Permits</c> grants and gives the next
/// one the first moment the rule allows, so the limit holds exactly over every window, not on average; waiters are
/// served in arrival order. All time comes from the injected <see cref="TimeProvider"/> (a fake one in tests):
/// System.Threading.RateLimiting's limiters read the real clock whatever is injected, so they could not be used.
/// </summary>
public sealed class PacedRateLimiter
{
    private readonly RateLimitRule _rule;
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Lock _gate = new();

    // The last Permits grant times (since _origin), oldest at _next once the ring is full.
    private readonly TimeSpan[] _granted;
    private int _count;
    private int _next;
    private int _waiting;

    public PacedRateLimiter(RateLimitRule rule, TimeProvider time)
    {
        _rule = rule;
        _time = time;
        _origin = time.GetTimestamp();
        _granted = new TimeSpan[rule.Permits];
    }

    public RateLimitRule Rule => _rule;

    /// <summary>Callers currently waiting for their turn.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for the next turn the rule allows. A cancelled wait gives its turn up (it is not handed back).</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (_gate)
        {
            var now = Now();
            var slot = EarliestSlot(now);
            Record(slot);
            delay = slot - now;
        }

        return delay <= TimeSpan.Zero ? ValueTask.CompletedTask : WaitForSlotAsync(delay, cancellationToken);
    }

    /// <summary>Takes a turn if one is free now; otherwise refuses and records nothing.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = Now();
            if (EarliestSlot(now) > now) return false;
            Record(now);
            return true;
        }
    }

    /// <summary>True when the limiter remembers nothing that could delay a caller: it is as good as a new one.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_gate)
            {
                if (_count == 0) return true;
                var newest = _granted[(_next - 1 + _granted.Length) % _granted.Length];
                var quietFor = Now() - newest;
                return _waiting == 0 && quietFor >= _rule.Window && quietFor >= _rule.MinimumSpacing;
            }
        }
    }

    private async ValueTask WaitForSlotAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private TimeSpan Now() => _time.GetElapsedTime(_origin);

    private TimeSpan EarliestSlot(TimeSpan now)
    {
        if (_count == 0) return now;
        var newest = _granted[(_next - 1 + _granted.Length) % _granted.Length];
        var slot = Max(now, newest + _rule.MinimumSpacing);
        // Full ring: the oldest grant must have left the window first.
        if (_count == _granted.Length) slot = Max(slot, _granted[_next] + _rule.Window);
        return slot;
    }

    private void Record(TimeSpan slot)
    {
        _granted[_next] = slot;
        _next = (_next + 1) % _granted.Length;
        if (_count < _granted.Length) _count++;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>One <see cref="PacedRateLimiter"/> per key (chat, group, user), each with the same rule; idle ones are dropped.</summary>
public sealed class KeyedRateLimiter<TKey>(RateLimitRule rule, TimeProvider time)
    where TKey : notnull
{
    /// <summary>Uses between sweeps for idle limiters, so a million one-off chats do not stay in memory.</summary>
    private const int SweepEvery = 1024;

    private readonly Dictionary<TKey, PacedRateLimiter> _limiters = [];
    private readonly Lock _gate = new();
    private int _uses;

    public RateLimitRule Rule => rule;

    // The turn is taken under the lock (WaitAsync books it before it returns), so a sweep never drops a limiter
    // between its lookup and its use.
    public ValueTask WaitAsync(TKey key, CancellationToken cancellationToken)
    {
        lock (_gate) return For(key).WaitAsync(cancellationToken);
    }

    public bool TryAcquire(TKey key)
    {
        lock (_gate) return For(key).TryAcquire();
    }

    /// <summary>Callers waiting on this key's limit.</summary>
    public int Waiting(TKey key)
    {
        lock (_gate) return _limiters.TryGetValue(key, out var limiter) ? limiter.Waiting : 0;
    }

    private PacedRateLimiter For(TKey key)
    {
        if (++_uses % SweepEvery == 0) Sweep();
        if (!_limiters.TryGetValue(key, out var limiter))
        {
            limiter = new PacedRateLimiter(rule, time);
            _limiters[key] = limiter;
        }

        return limiter;
    }

    private void Sweep()
    {
        foreach (var (key, limiter) in _limiters)
        {
            if (limiter.IsIdle) _limiters.Remove(key);
        }
    }
}
