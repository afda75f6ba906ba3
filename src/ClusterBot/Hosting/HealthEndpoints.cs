using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterBot.Core.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace ClusterBot.Hosting;

/// <summary>/healthz (the process is alive), /readyz (store loaded, adapters connected) and /metrics (Prometheus).</summary>
public static partial class HealthEndpoints
{
    public static IEndpointRouteBuilder MapClusterBotOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", (IEnumerable<IReadinessCheck> checks) =>
        {
            var results = checks.Select(c => (c.Name, Result: c.Check())).ToList();
            var body = JsonSerializer.Serialize(results.ToDictionary(r => r.Name, r => new Readiness(r.Result.Ready, r.Result.Detail)), HealthJson.Default.DictionaryStringReadiness);
            return Results.Text(body, "application/json", statusCode: results.All(r => r.Result.Ready) ? 200 : 503);
        });
        endpoints.MapMetrics("/metrics");
        return endpoints;
    }

    /// <summary>One check's entry in /readyz.</summary>
    internal sealed record Readiness([property: JsonPropertyName("ready")] bool Ready, [property: JsonPropertyName("detail")] string Detail);

    [JsonSerializable(typeof(Dictionary<string, Readiness>))]
    internal sealed partial class HealthJson : JsonSerializerContext;
}
