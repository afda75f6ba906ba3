using System.Net;
using ClusterBot.Telegram.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace ClusterBot.Telegram.Sending;

/// <summary>
/// Runs Bot API calls with Telegram's error rules: a 429 waits the `retry_after` it names and tries again;
/// a 5xx or a network error is retried with exponential backoff a bounded number of times; anything else
/// (400 bad request, 403 blocked by the user …) is definitive. A call that cannot succeed ends in
/// <see cref="DeliveryFailedException"/>, whose message is safe to log.
/// </summary>
public sealed partial class BotApiCaller
{
    private readonly ResiliencePipeline _pipeline;
    private readonly TokenRedactor _redactor;
    private readonly ILogger<BotApiCaller> _logger;

    public BotApiCaller(IOptions<TelegramOptions> options, TimeProvider time, TelegramMetrics metrics, TokenRedactor redactor, ILogger<BotApiCaller> logger)
    {
        _redactor = redactor;
        _logger = logger;
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (o.MaxFloodWaits > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "flood-wait",
                ShouldHandle = new PredicateBuilder().Handle<ApiRequestException>(e => FloodWait(e) is { } wait && wait <= o.MaxFloodWait),
                MaxRetryAttempts = o.MaxFloodWaits,
                DelayGenerator = args => ValueTask.FromResult(FloodWait(args.Outcome.Exception)),
                OnRetry = args =>
                {
                    metrics.Retried("flood");
                    LogFloodWait(_logger, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (o.MaxTransientRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "transient",
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = o.MaxTransientRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.TransientRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    metrics.Retried("transient");
                    LogTransientRetry(_logger, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Calls the Bot API, retrying as Telegram asks; cancellation passes straight through.</summary>
    public async Task<T> CallAsync<T>(string method, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async ct =>
            {
                attempts++;
                return await call(ct);
            }, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is RequestException or HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            throw new DeliveryFailedException(method, Math.Max(1, attempts), Describe(e), e as ApiRequestException);
        }
    }

    public Task CallAsync(string method, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        CallAsync(method, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    /// <summary>The wait a 429 asks for, or null when the error is not a flood wait.</summary>
    internal static TimeSpan? FloodWait(Exception? e) =>
        e is ApiRequestException { ErrorCode: 429 } api
            ? TimeSpan.FromSeconds(Math.Max(1, api.Parameters?.RetryAfter ?? 1))
            : null;

    /// <summary>Server-side trouble and lost connections are worth retrying; a refusal is not.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        // No status: no response arrived at all. Telegram.Bot wraps the network error (a dropped connection,
        // "the response ended prematurely", a timeout) in a RequestException without one.
        // (A TaskCanceledException inside one is the HTTP timeout; the caller's own cancellation is rethrown bare.)
        RequestException { HttpStatusCode: null } req => req.InnerException is { } inner && (IsNetworkFailure(inner) || inner is TaskCanceledException),
        // With a status: an answer came but not Telegram's JSON (a proxy's 502 page); the status decides.
        RequestException req => req.HttpStatusCode is 0 or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError,
        _ => IsNetworkFailure(e),
    };

    private static bool IsNetworkFailure(Exception e) => e is HttpRequestException or TimeoutException or IOException;

    private string Describe(Exception? e) => e is null ? "" : BotApiFailure.Describe(e, _redactor);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Telegram asked to slow down: waiting {Seconds:F0} s before attempt {Attempt}")]
    private static partial void LogFloodWait(ILogger logger, double seconds, int attempt);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Bot API call failed ({Reason}); attempt {Attempt} in {DelayMs:F0} ms")]
    private static partial void LogTransientRetry(ILogger logger, int attempt, double delayMs, string reason);
}
