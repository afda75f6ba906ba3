using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterBot.Core.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Prometheus;

namespace ClusterBot.Hosting;

/// <summary>
/// /healthz (liveness, tag "live": the process and every adapter's receive loop are running), /readyz (readiness,
/// tag "ready": store loaded, adapters connected) and /metrics (Prometheus). Both health endpoints are
/// Microsoft.Extensions.Diagnostics.HealthChecks over the bot's own <see cref="ILivenessCheck"/>s and
/// <see cref="IReadinessCheck"/>s, one registered check each, so their names are the keys of the JSON body.
/// </summary>
public static partial class HealthEndpoints
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddClusterBotHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("running"), [LiveTag]);
        // Registered when the options are first built (the first request): the checks are whatever the
        // configured adapters added, known only once the container is.
        services.AddOptions<HealthCheckServiceOptions>()
            .Configure<IEnumerable<IReadinessCheck>, IEnumerable<ILivenessCheck>>((o, ready, live) =>
            {
                foreach (var check in live)
                {
                    o.Registrations.Add(new HealthCheckRegistration(check.Name, _ => new LivenessHealthCheck(check), HealthStatus.Unhealthy, [LiveTag]));
                }

                foreach (var check in ready)
                {
                    // Named apart from the liveness checks (discord, telegram) that share the adapter's name.
                    o.Registrations.Add(new HealthCheckRegistration(ReadyTag + ":" + check.Name, _ => new ReadinessHealthCheck(check), HealthStatus.Unhealthy, [ReadyTag]));
                }
            });
        return services;
    }

    public static IEndpointRouteBuilder MapClusterBotOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", Options(LiveTag, WriteLivenessAsync));
        endpoints.MapHealthChecks("/readyz", Options(ReadyTag, WriteReadinessAsync));
        endpoints.MapMetrics("/metrics");
        return endpoints;
    }

    private static HealthCheckOptions Options(string tag, Func<HttpContext, HealthReport, Task> writer) => new()
    {
        Predicate = r => r.Tags.Contains(tag),
        ResponseWriter = writer,
        // Degraded is not used by the bot's checks; anything short of healthy keeps traffic (or the container) away.
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        AllowCachingResponses = false,
    };

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, report.Entries.ToDictionary(e => Unprefixed(e.Key), e => new Readiness(e.Value.Status == HealthStatus.Healthy, e.Value.Description ?? "")),
            HealthJson.Default.DictionaryStringReadiness);

    private static Task WriteLivenessAsync(HttpContext context, HealthReport report) =>
        WriteAsync(context, report.Entries.ToDictionary(e => e.Key, e => new Liveness(e.Value.Status == HealthStatus.Healthy, e.Value.Description ?? "")),
            HealthJson.Default.DictionaryStringLiveness);

    private static async Task WriteAsync<T>(HttpContext context, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted);
    }

    private static string Unprefixed(string name) => name.StartsWith(ReadyTag + ":", StringComparison.Ordinal) ? name[(ReadyTag.Length + 1)..] : name;

    private sealed class ReadinessHealthCheck(IReadinessCheck check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var (ready, detail) = check.Check();
            return Task.FromResult(ready ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail));
        }
    }

    private sealed class LivenessHealthCheck(ILivenessCheck check) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var (alive, detail) = check.Check();
            return Task.FromResult(alive ? HealthCheckResult.Healthy(detail) : HealthCheckResult.Unhealthy(detail));
        }
    }

    /// <summary>One check's entry in /readyz.</summary>
    internal sealed record Readiness([property: JsonPropertyName("ready")] bool Ready, [property: JsonPropertyName("detail")] string Detail);

    /// <summary>One check's entry in /healthz.</summary>
    internal sealed record Liveness([property: JsonPropertyName("alive")] bool Alive, [property: JsonPropertyName("detail")] string Detail);

    [JsonSerializable(typeof(Dictionary<string, Readiness>))]
    [JsonSerializable(typeof(Dictionary<string, Liveness>))]
    internal sealed partial class HealthJson : JsonSerializerContext;
}
