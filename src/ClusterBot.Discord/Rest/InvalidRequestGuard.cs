namespace ClusterBot.Discord.Rest;

/// <summary>
/// Counts 401, 403 and 429 responses over Discord's 10-minute window and trips at a tenth of the 10,000 that
/// earn an IP ban, so a bug that keeps failing stops itself long before Cloudflare stops the bot.
/// </summary>
internal sealed class InvalidRequestGuard(TimeProvider time, int limit = InvalidRequestGuard.DefaultLimit)
{
    public const int DefaultLimit = 1_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();

    public void Record()
    {
        lock (_gate)
        {
            _recent.Enqueue(time.GetUtcNow());
        }
    }

    public bool IsTripped
    {
        get
        {
            lock (_gate)
            {
                var cutoff = time.GetUtcNow() - Window;
                while (_recent.Count > 0 && _recent.Peek() <= cutoff) _recent.Dequeue();
                return _recent.Count >= limit;
            }
        }
    }
}
