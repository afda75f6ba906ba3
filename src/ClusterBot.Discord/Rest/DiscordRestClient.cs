using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClusterBot.Core.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace ClusterBot.Discord.Rest;

/// <summary>
/// Discord's REST API over HttpClient, within its limits: per-route buckets, the global 50 requests a second,
/// 429s waited out and retried, 5xx and network failures retried with backoff (both by one Polly pipeline, as the
/// Telegram adapter's calls are), a stop after 401, and a guard far below the invalid-request ban.
/// </summary>
public sealed partial class DiscordRestClient : IDiscordRest, IDisposable
{
    public const string HttpClientName = "ClusterBot.Discord";

    /// <summary>The form Discord requires: "DiscordBot ($url, $versionNumber)".</summary>
    public const string UserAgent = "DiscordBot (https://github.com/clusterbot/clusterbot, 1.0)";

    private const int MaxAttempts = 5;

    /// <summary>Retries after a 5xx or a lost connection; a message post is safe to repeat thanks to its nonce.</summary>
    private const int MaxTransientRetries = 2;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly IHttpClientFactory _httpFactory;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly RateLimitBuckets _buckets;
    private readonly InvalidRequestGuard _guard;

    // Discord's global limit is 50 requests a second; 50 in any 1.1 s keeps a margin for clock and network.
    private readonly PacedRateLimiter _global;
    private readonly Lock _gate = new();
    private DateTimeOffset _globalPauseUntil = DateTimeOffset.MinValue;
    private volatile bool _unauthorized;
    private readonly DiscordMetrics? _metrics;
    private readonly ResiliencePipeline _retries;

    public DiscordRestClient(IHttpClientFactory httpFactory, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger,
        DiscordMetrics? metrics = null)
        : this(httpFactory, options, time, logger, InvalidRequestGuard.DefaultLimit, metrics)
    {
    }

    internal DiscordRestClient(IHttpClientFactory httpFactory, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger, int invalidRequestLimit,
        DiscordMetrics? metrics = null)
    {
        _metrics = metrics;
        _httpFactory = httpFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _buckets = new RateLimitBuckets(time);
        _guard = new InvalidRequestGuard(time, invalidRequestLimit);
        _global = new PacedRateLimiter(new RateLimitRule(50, TimeSpan.FromSeconds(1.1)), time);
        _retries = BuildRetries();
    }

    private ResiliencePipeline BuildRetries() => new ResiliencePipelineBuilder { TimeProvider = _time }
        .AddRetry(new RetryStrategyOptions
        {
            Name = "rate-limited",
            ShouldHandle = new PredicateBuilder().Handle<DiscordRateLimitedException>(),
            MaxRetryAttempts = MaxAttempts - 1,
            // The bucket or the global pause already holds other requests back; this request waits the same.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(((DiscordRateLimitedException)args.Outcome.Exception!).RetryAfter),
            OnRetry = args =>
            {
                var limited = (DiscordRateLimitedException)args.Outcome.Exception!;
                LogRateLimited(_logger, limited.Route, limited.RetryAfter.TotalSeconds, limited.Global, args.AttemptNumber + 1);
                _metrics?.Retry("429");
                return ValueTask.CompletedTask;
            },
        })
        .AddRetry(new RetryStrategyOptions
        {
            Name = "transient",
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception switch
            {
                DiscordRestException { Status: >= HttpStatusCode.InternalServerError } => true,
                HttpRequestException => true,
                // HttpClient's own timeout; the caller's cancellation is not retried.
                TaskCanceledException => !args.Context.CancellationToken.IsCancellationRequested,
                _ => false,
            }),
            MaxRetryAttempts = MaxTransientRetries,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromSeconds(1),
            UseJitter = false,
            OnRetry = args =>
            {
                _metrics?.Retry(args.Outcome.Exception is DiscordRestException ? "5xx" : "network");
                LogTransientRetry(_logger, args.Outcome.Exception!.GetType().Name, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async Task<Uri> GetGatewayUrlAsync(CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Get, "GET /gateway/bot", "", "gateway/bot", null, cancellationToken);
        var url = doc?.RootElement.TryGetProperty("url", out var u) == true ? u.GetString() : null;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new DiscordRestException(null, "GET /gateway/bot returned no url.");
    }

    public async Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<SlashCommand> commands, CancellationToken cancellationToken)
    {
        var (route, path) = guildId is null
            ? ("PUT /applications/{id}/commands", $"applications/{applicationId}/commands")
            : ("PUT /applications/{id}/guilds/{guild_id}/commands", $"applications/{applicationId}/guilds/{guildId}/commands");
        using var _ = await SendAsync(HttpMethod.Put, route, guildId ?? applicationId, path, commands, cancellationToken);
    }

    public async Task CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /channels/{channel_id}/messages", channelId, $"channels/{channelId}/messages", message, cancellationToken);
    }

    public async Task CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /interactions/{id}/{token}/callback", interactionToken,
            $"interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback", callback, cancellationToken, interaction: true);
    }

    public async Task EditOriginalInteractionResponseAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Patch, "PATCH /webhooks/{id}/{token}/messages/@original", interactionToken,
            $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}/messages/@original", message, cancellationToken, interaction: true);
    }

    public async Task CreateFollowupMessageAsync(string applicationId, string interactionToken, MessagePayload message, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /webhooks/{id}/{token}", interactionToken,
            $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}", message, cancellationToken, interaction: true);
    }

    /// <summary>
    /// Sends one request, waiting for its bucket and the global limit, retrying 429s and 5xx. Returns the response
    /// body (null for 204). <paramref name="route"/> names the route without its ids; <paramref name="majorParameter"/>
    /// is the id Discord limits separately (channel, guild, webhook token).
    /// </summary>
    internal async Task<JsonDocument?> SendAsync(HttpMethod method, string route, string majorParameter, string path, object? body,
        CancellationToken cancellationToken, bool interaction = false)
    {
        try
        {
            return await _retries.ExecuteAsync(
                ct => new ValueTask<JsonDocument?>(SendOnceAsync(method, route, majorParameter, path, body, interaction, ct)), cancellationToken);
        }
        catch (DiscordRateLimitedException)
        {
            throw new DiscordRestException(HttpStatusCode.TooManyRequests, $"{route}: still rate limited after {MaxAttempts} attempts.");
        }
    }

    /// <summary>One attempt: a 429 updates the limits and ends in <see cref="DiscordRateLimitedException"/>, for the pipeline to wait out.</summary>
    private async Task<JsonDocument?> SendOnceAsync(HttpMethod method, string route, string majorParameter, string path, object? body,
        bool interaction, CancellationToken cancellationToken)
    {
        if (_unauthorized)
        {
            throw new DiscordUnauthorizedException();
        }

        if (_guard.IsTripped)
        {
            LogGuardTripped(_logger, route);
            throw new DiscordRestException(null, "Too many invalid Discord requests in the last 10 minutes; refusing to send more for now.");
        }

        using var bucket = await _buckets.EnterAsync(route, majorParameter, cancellationToken);
        await WaitForGlobalPauseAsync(cancellationToken);
        if (!interaction)
        {
            // Interaction endpoints are exempt from the global limit, and must not queue behind it past their 3 s window.
            await _global.WaitAsync(cancellationToken);
        }

        // Built afresh for every attempt (a request message cannot be sent twice); the body, nonce included, is the same.
        using var request = BuildRequest(method, path, body);
        using var response = await _httpFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        bucket.Update(response.Headers);

        if (response.IsSuccessStatusCode)
        {
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return null;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            try
            {
                return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
            {
                var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken);
                if (!IsSharedScope(response.Headers)) _guard.Record();
                if (global)
                {
                    PauseGlobally(retryAfter);
                }
                else
                {
                    bucket.Exhaust(retryAfter);
                }

                throw new DiscordRateLimitedException(route, retryAfter, global);
            }

            case HttpStatusCode.Unauthorized:
                _guard.Record();
                if (!_unauthorized)
                {
                    _unauthorized = true;
                    LogUnauthorized(_logger);
                }

                throw new DiscordUnauthorizedException();

            default:
                if (response.StatusCode == HttpStatusCode.Forbidden) _guard.Record();
                throw new DiscordRestException(response.StatusCode, $"{route} failed with {(int)response.StatusCode}: {await ErrorSummaryAsync(response, cancellationToken)}");
        }
    }

    private HttpRequestMessage BuildRequest(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + _options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (body is not null)
        {
            var json = new StringContent(JsonSerializer.Serialize(body, DiscordJson.TypeOf(body)), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            var files = (body as MessagePayload ?? (body as InteractionCallback)?.Data as MessagePayload)?.Files;
            if (files is { Count: > 0 })
            {
                // Uploads: the JSON goes as payload_json, each file as files[n] (what the attachments' ids name).
                var form = new MultipartFormDataContent { { json, "payload_json" } };
                for (var i = 0; i < files.Count; i++)
                {
                    var file = new ByteArrayContent(files[i].Content);
                    file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
                    form.Add(file, $"files[{i}]", files[i].FileName);
                }

                request.Content = form;
            }
            else
            {
                request.Content = json;
            }
        }

        return request;
    }

    private async Task WaitForGlobalPauseAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            wait = _globalPauseUntil - _time.GetUtcNow();
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private void PauseGlobally(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + retryAfter;
            if (until > _globalPauseUntil) _globalPauseUntil = until;
        }
    }

    /// <summary>retry_after from the body (seconds, fractional), else the Retry-After header, else a second.</summary>
    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        TimeSpan? retryAfter = null;
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.TryGetDouble(out var seconds) && seconds >= 0)
                {
                    retryAfter = TimeSpan.FromSeconds(seconds);
                }

                if (doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True)
                {
                    global = true;
                }
            }
        }
        catch (JsonException)
        {
            // Cloudflare's own 429 is HTML; the header below still applies.
        }

        if (retryAfter is null && response.Headers.RetryAfter?.Delta is { } delta)
        {
            retryAfter = delta;
        }

        return (retryAfter ?? DefaultRetryAfter, global);
    }

    private static bool IsSharedScope(HttpResponseHeaders headers) =>
        headers.TryGetValues("X-RateLimit-Scope", out var scope) && scope.Any(s => s.Equals("shared", StringComparison.OrdinalIgnoreCase));

    /// <summary>Discord's error code and message, without echoing request fields back into logs.</summary>
    private static async Task<string> ErrorSummaryAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var code = doc.RootElement.TryGetProperty("code", out var c) ? c.ToString() : "?";
            var message = doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;
            return string.Create(CultureInfo.InvariantCulture, $"code {code}: {message}");
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "no details";
        }
    }

    /// <summary>The limiter holds no timers any more; kept so the client's owners dispose it as before.</summary>
    public void Dispose()
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST {Route} rate limited for {Seconds:F2} s (global: {Global}, attempt {Attempt})")]
    private static partial void LogRateLimited(ILogger logger, string route, double seconds, bool global, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord REST call failed ({Reason}); retrying in {Seconds:F0} s (attempt {Attempt})")]
    private static partial void LogTransientRetry(ILogger logger, string reason, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token (401 Unauthorized); no further Discord REST calls will be made. Check Discord:Token.")]
    private static partial void LogUnauthorized(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord REST {Route} refused locally: too many invalid requests (401/403/429) in the last 10 minutes")]
    private static partial void LogGuardTripped(ILogger logger, string route);
}
