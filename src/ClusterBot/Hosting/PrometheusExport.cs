using ClusterBot.Core.Operations;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace ClusterBot.Hosting;

/// <summary>
/// Publishes the bot's "ClusterBot" meter on /metrics from the moment the host starts. prometheus-net's default
/// meter adapter would start only at the first scrape, losing everything counted before it.
/// </summary>
internal sealed class PrometheusExport : IHostedService, IDisposable
{
    /// <summary>Milliseconds: an answer takes well under one, a platform round trip a few.</summary>
    private static readonly double[] LatencyBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000];

    private IDisposable? _adapter;

    static PrometheusExport() =>
        // The default adapter is replaced by the eager one below, so nothing is published twice.
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressMeters = true });

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _adapter = MeterAdapter.StartListening(new MeterAdapterOptions
        {
            InstrumentFilterPredicate = instrument => instrument.Meter.Name == ClusterBotMetrics.MeterName,
            ResolveHistogramBuckets = _ => LatencyBuckets,
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _adapter?.Dispose();
        _adapter = null;
    }
}
