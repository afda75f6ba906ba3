using ClusterBot.Core.Operations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Sending;

/// <summary>
/// Telegram's outbound limits — 1 message a second per chat, 20 a minute per group, 30 a second overall —
/// as queues, not refusals: a message over a limit waits for its turn. Each is a <see cref="PacedRateLimiter"/>
/// on the injected TimeProvider, exact over any window ("at most 20 in any 60 s", not "on average").
/// </summary>
public sealed class OutboundRateLimiter : IDisposable
{
    /// <summary>
    /// Added to the group window: our clock starts when a send is let through, Telegram's when the message
    /// arrives, and the two differ by the network and the retries in between. Without it the 21st reply could
    /// reach Telegram a few milliseconds inside the 1st one's minute and earn a 429.
    /// </summary>
    internal static readonly TimeSpan GroupWindowMargin = TimeSpan.FromSeconds(2);

    private readonly bool _enabled;
    private readonly KeyedRateLimiter<long> _chats;
    private readonly KeyedRateLimiter<long> _groups;
    private readonly PacedRateLimiter _overall;

    public OutboundRateLimiter(IOptions<TelegramOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _enabled = o.RateLimitingEnabled;
        _chats = new KeyedRateLimiter<long>(new RateLimitRule(o.MessagesPerSecondPerChat, TimeSpan.FromSeconds(1)), time);
        _groups = new KeyedRateLimiter<long>(new RateLimitRule(o.MessagesPerMinutePerGroup, TimeSpan.FromMinutes(1) + GroupWindowMargin), time);
        // Paced, not 30 at each second's start: a burst of 30 at once is what Telegram's own limiter punishes.
        _overall = new PacedRateLimiter(RateLimitRule.Paced(o.MessagesPerSecondOverall, TimeSpan.FromSeconds(1)), time);
    }

    /// <summary>Waits until one more message may go to the chat.</summary>
    public async ValueTask WaitForTurnAsync(long chatId, bool isGroup, CancellationToken cancellationToken)
    {
        if (!_enabled) return;
        // The chat's own turn first, so a busy chat does not hold overall capacity while it waits.
        await _chats.WaitAsync(chatId, cancellationToken);
        if (isGroup) await _groups.WaitAsync(chatId, cancellationToken);
        await _overall.WaitAsync(cancellationToken);
    }

    /// <summary>Messages waiting for the chat's turn (for diagnostics and tests).</summary>
    public long QueuedFor(long chatId) => _chats.Waiting(chatId);

    /// <summary>Messages waiting for the group's per-minute allowance.</summary>
    public long QueuedForGroup(long chatId) => _groups.Waiting(chatId);

    /// <summary>Nothing to release (no timers are held); kept so the container's disposal stays as it was.</summary>
    public void Dispose()
    {
    }
}
