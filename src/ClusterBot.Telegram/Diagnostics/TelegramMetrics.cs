using System.Diagnostics.Metrics;

namespace ClusterBot.Telegram.Diagnostics;

/// <summary>Counters on the shared "ClusterBot" meter, so an operator sees lost replies without reading logs.</summary>
public sealed class TelegramMetrics
{
    public const string MeterName = Core.Operations.ClusterBotMetrics.MeterName;

    private readonly Counter<long> _updates;
    private readonly Counter<long> _lost;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _handling;

    public TelegramMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _updates = meter.CreateCounter<long>("telegram.updates.total", description: "Telegram updates handled, by outcome");
        _lost = meter.CreateCounter<long>("telegram.replies.lost.total", description: "Replies given up on after retries or a definitive error");
        _retries = meter.CreateCounter<long>("telegram.retries.total", description: "Bot API calls retried, by reason");
        _handling = meter.CreateHistogram<double>("telegram.handling.duration", unit: "ms", description: "Time from an update's arrival to its reply");
    }

    public void Handled(string outcome, double milliseconds)
    {
        _updates.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        _handling.Record(milliseconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void ReplyLost() => _lost.Add(1);

    public void Retried(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
