namespace ClusterBot.Discord.Gateway;

/// <summary>
/// How long to wait before the next connection: nothing after a healthy session dropped (Discord expects an
/// immediate resume), then exponentially longer with jitter while attempts keep failing, so an outage is not
/// met with a reconnect storm.
/// </summary>
internal sealed class ReconnectBackoff(Random random)
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(60);
    private int _failures;

    public TimeSpan Next(bool previousWasHealthy)
    {
        if (previousWasHealthy)
        {
            _failures = 0;
            return TimeSpan.Zero;
        }

        _failures++;
        var ceiling = Math.Min(Max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(_failures - 1, 16)));
        // Full range between half and all of the ceiling: spreads many clients without ever waiting zero.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() * 0.5)));
    }

    /// <summary>After op 9 Discord asks for a random 1–5 s wait before identifying again.</summary>
    public TimeSpan InvalidSessionWait() => TimeSpan.FromMilliseconds(1000 + (random.NextDouble() * 4000));
}
