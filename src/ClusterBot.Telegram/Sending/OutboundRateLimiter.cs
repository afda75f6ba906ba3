using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Sending;

/// <summary>
/// Telegram's outbound limits — 1 message a second per chat, 20 a minute per group, 30 a second overall —
/// as queues, not refusals: a message over a limit waits for its turn.
/// Each limit is a <see cref="ConcurrencyLimiter"/> whose permit is handed back one period after it was
/// taken, on a timer of the injected TimeProvider. That makes every limit exact over any window ("at most
/// 20 in any 60 s", not "on average") and lets tests move time by hand. (The replenishing limiters were
/// not used because their manual TryReplenish still consults the real clock.)
/// </summary>
public sealed class OutboundRateLimiter : IDisposable
{
    /// <summary>Enough to never drop a message in practice; a queue this long means Telegram is far behind anyway.</summary>
    private const int QueueLimit = 100_000;

    private readonly bool _enabled;
    private readonly TimeProvider _time;
    private readonly LimitFamily _chats;
    private readonly LimitFamily _groups;
    private readonly LimitFamily _overall;

    public OutboundRateLimiter(IOptions<TelegramOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _enabled = o.RateLimitingEnabled;
        _time = time;
        _chats = new LimitFamily(o.MessagesPerSecondPerChat, TimeSpan.FromSeconds(1));
        _groups = new LimitFamily(o.MessagesPerMinutePerGroup, TimeSpan.FromMinutes(1));
        _overall = new LimitFamily(o.MessagesPerSecondOverall, TimeSpan.FromSeconds(1));
    }

    /// <summary>Waits until one more message may go to the chat.</summary>
    public async ValueTask WaitForTurnAsync(long chatId, bool isGroup, CancellationToken cancellationToken)
    {
        if (!_enabled) return;
        // The chat's own turn first, so a busy chat does not hold overall capacity while it waits.
        await _chats.TakeAsync(chatId, _time, cancellationToken);
        if (isGroup) await _groups.TakeAsync(chatId, _time, cancellationToken);
        await _overall.TakeAsync(0, _time, cancellationToken);
    }

    /// <summary>Messages waiting for the chat's turn (for diagnostics and tests).</summary>
    public long QueuedFor(long chatId) => _chats.Queued(chatId);

    /// <summary>Messages waiting for the group's per-minute allowance.</summary>
    public long QueuedForGroup(long chatId) => _groups.Queued(chatId);

    public void Dispose()
    {
        _chats.Dispose();
        _groups.Dispose();
        _overall.Dispose();
    }

    /// <summary>One limit applied per key (chat id), each key with its own permits.</summary>
    private sealed class LimitFamily(int permits, TimeSpan period) : IDisposable
    {
        private readonly Dictionary<long, ConcurrencyLimiter> _limiters = [];
        private readonly Lock _gate = new();

        public async ValueTask TakeAsync(long key, TimeProvider time, CancellationToken cancellationToken)
        {
            ValueTask<RateLimitLease> pending;
            lock (_gate)
            {
                // Looked up and queued on under the lock, so an idle limiter is never removed between the two.
                if (!_limiters.TryGetValue(key, out var limiter))
                {
                    limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
                    {
                        PermitLimit = permits,
                        QueueLimit = QueueLimit,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    });
                    _limiters[key] = limiter;
                }

                pending = limiter.AcquireAsync(1, cancellationToken);
            }

            var lease = await pending;
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                throw new InvalidOperationException("The outbound message queue is full.");
            }

            // The permit comes back one period after this message: that is the whole rate limit.
            ITimer? timer = null;
            timer = time.CreateTimer(_ =>
            {
                lease.Dispose();
                timer?.Dispose();
                Forget(key);
            }, null, period, Timeout.InfiniteTimeSpan);
        }

        public long Queued(long key)
        {
            lock (_gate) return _limiters.TryGetValue(key, out var l) ? l.GetStatistics()?.CurrentQueuedCount ?? 0 : 0;
        }

        /// <summary>A limiter with all permits back and nobody waiting is the same as a new one: drop it, so idle chats cost nothing.</summary>
        private void Forget(long key)
        {
            lock (_gate)
            {
                if (_limiters.TryGetValue(key, out var l) && l.GetStatistics() is { CurrentQueuedCount: 0 } s && s.CurrentAvailablePermits == permits)
                {
                    _limiters.Remove(key);
                    l.Dispose();
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                foreach (var l in _limiters.Values) l.Dispose();
                _limiters.Clear();
            }
        }
    }
}
