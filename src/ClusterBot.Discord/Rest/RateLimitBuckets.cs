using System.Globalization;
using System.Net.Http.Headers;

namespace ClusterBot.Discord.Rest;

/// <summary>
/// Discord's per-route limits, learned from the X-RateLimit-* headers: a route maps to a bucket (its
/// X-RateLimit-Bucket hash), and a bucket is limited per major parameter (channel, guild, webhook). Requests
/// to one bucket go one at a time, and wait while the bucket has no requests left before its reset.
/// </summary>
internal sealed class RateLimitBuckets(TimeProvider time)
{
    private TimeProvider Time => time;

    private readonly Dictionary<string, string> _bucketOfRoute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BucketState> _states = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Waits for the bucket of this route and major parameter; dispose the lease when the response is in.</summary>
    public async Task<BucketLease> EnterAsync(string route, string majorParameter, CancellationToken cancellationToken)
    {
        var state = StateFor(route, majorParameter);
        await state.Turn.WaitAsync(cancellationToken);
        try
        {
            var wait = state.WaitNeeded(time.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            return new BucketLease(this, route, majorParameter, state);
        }
        catch
        {
            state.Turn.Release();
            throw;
        }
    }

    private BucketState StateFor(string route, string majorParameter)
    {
        lock (_gate)
        {
            var key = (_bucketOfRoute.GetValueOrDefault(route) ?? route) + "|" + majorParameter;
            if (!_states.TryGetValue(key, out var state))
            {
                _states[key] = state = new BucketState();
            }

            return state;
        }
    }

    /// <summary>
    /// Maps the route to its bucket hash. The state the route used so far carries over to the bucket, so what
    /// this response said (say, a 429's reset) applies to the very next request.
    /// </summary>
    private void Learn(string route, string bucket, string majorParameter, BucketState state)
    {
        lock (_gate)
        {
            _bucketOfRoute[route] = bucket;
            _states.TryAdd(bucket + "|" + majorParameter, state);
        }
    }

    internal sealed class BucketLease(RateLimitBuckets owner, string route, string majorParameter, BucketState state) : IDisposable
    {
        private bool _released;

        /// <summary>Records what the response said about the bucket.</summary>
        public void Update(HttpResponseHeaders headers)
        {
            if (Header(headers, "X-RateLimit-Bucket") is { Length: > 0 } bucket)
            {
                owner.Learn(route, bucket, majorParameter, state);
            }

            var remaining = Header(headers, "X-RateLimit-Remaining");
            var resetAfter = Header(headers, "X-RateLimit-Reset-After");
            if (int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) &&
                double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                state.Set(left, owner.Time.GetUtcNow() + TimeSpan.FromSeconds(seconds));
            }
        }

        /// <summary>After a 429 for this bucket: nothing left until the retry time.</summary>
        public void Exhaust(TimeSpan retryAfter) => state.Set(0, owner.Time.GetUtcNow() + retryAfter);

        public void Dispose()
        {
            if (_released) return;
            _released = true;
            state.Turn.Release();
        }
    }

    internal sealed class BucketState
    {
        private int _remaining = 1;
        private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

        public SemaphoreSlim Turn { get; } = new(1, 1);

        public void Set(int remaining, DateTimeOffset resetAt)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }

        /// <summary>Zero while requests are left or the reset has passed; the time to the reset otherwise.</summary>
        public TimeSpan WaitNeeded(DateTimeOffset now)
        {
            if (_remaining > 0 || now >= _resetAt)
            {
                return TimeSpan.Zero;
            }

            // The reset passes during the wait: count on the bucket being full again (the next response says for sure).
            _remaining = 1;
            return _resetAt - now;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
