using System.Diagnostics.Metrics;
using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Operations;

/// <summary>
/// The bot's own metrics (System.Diagnostics.Metrics, meter "ClusterBot"); the host exports them for Prometheus.
/// Adapters add their delivery counters (replies sent, retries, 429s, losses, reconnects) to the same meter.
/// Instrument names carry no "clusterbot." of their own: the exporter prefixes the meter's name. Counters end in
/// ".total", which the exporter does not add, so Prometheus sees clusterbot_questions_total.
/// </summary>
public sealed class ClusterBotMetrics
{
    public const string MeterName = "ClusterBot";

    private readonly Counter<long> _questions;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _limited;

    public ClusterBotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _questions = meter.CreateCounter<long>("questions.total", "{question}", "Questions by platform and outcome.");
        _latency = meter.CreateHistogram<double>("answer.duration", "ms", "Time to compose an answer.");
        _limited = meter.CreateCounter<long>("inbound.limited.total", "{question}", "Questions dropped by per-user flood control.");
    }

    public void Answered(string platform, ReplyOutcome outcome, TimeSpan elapsed)
    {
        var tags = new KeyValuePair<string, object?>[] { new("platform", platform), new("outcome", OutcomeName(outcome)) };
        _questions.Add(1, tags);
        _latency.Record(elapsed.TotalMilliseconds, tags);
    }

    public void Limited(string platform) => _limited.Add(1, new KeyValuePair<string, object?>("platform", platform));

    /// <summary>answered / not_found / out_of_scope / invalid, as dashboards and reports name them.</summary>
    public static string OutcomeName(ReplyOutcome outcome) => outcome switch
    {
        ReplyOutcome.Answered => "answered",
        ReplyOutcome.NotFound => "not_found",
        ReplyOutcome.OutOfScope => "out_of_scope",
        ReplyOutcome.Invalid => "invalid",
        _ => "ignored",
    };
}
