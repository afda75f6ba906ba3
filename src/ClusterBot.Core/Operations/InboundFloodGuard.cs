using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Operations;

/// <summary>Bound from the `Inbound` configuration section.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Inbound";

    /// <summary>Questions one user may ask within the window before being paused.</summary>
    [Range(1, 1000)]
    public int MaxQuestions { get; set; } = 8;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 30;
}

public enum FloodVerdict { Allowed, Notice, Silent }

/// <summary>
/// Per-user inbound flood control: at most MaxQuestions in any window per user (a <see cref="PacedRateLimiter"/>
/// asked without waiting). The first question over the limit gets one polite notice, the rest are ignored until
/// the window lets the user in again; other users are unaffected.
/// </summary>
public sealed class InboundFloodGuard : IDisposable
{
    private readonly KeyedRateLimiter<string> _limiter;
    private readonly ConcurrentDictionary<string, byte> _noticed = new(StringComparer.Ordinal);

    public InboundFloodGuard(IOptions<InboundOptions> options, TimeProvider? time = null)
    {
        var o = options.Value;
        Window = TimeSpan.FromSeconds(o.WindowSeconds);
        _limiter = new KeyedRateLimiter<string>(new RateLimitRule(o.MaxQuestions, Window), time ?? TimeProvider.System);
    }

    /// <summary>The longest a paused user waits: the sliding window lets them in again within it.</summary>
    public TimeSpan Window { get; }

    public FloodVerdict Check(string platform, string userId)
    {
        var key = platform + ":" + userId;
        if (_limiter.TryAcquire(key))
        {
            _noticed.TryRemove(key, out _);
            return FloodVerdict.Allowed;
        }

        return _noticed.TryAdd(key, 0) ? FloodVerdict.Notice : FloodVerdict.Silent;
    }

    /// <summary>Nothing to release (no timers are held); kept so callers' using blocks stay as they were.</summary>
    public void Dispose()
    {
    }
}

/// <summary>Checks the attributes on <see cref="InboundOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class InboundOptionsValidation : IValidateOptions<InboundOptions>;
