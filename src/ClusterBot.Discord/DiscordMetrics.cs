using System.Diagnostics.Metrics;

namespace ClusterBot.Discord;

/// <summary>
/// The Discord adapter's delivery counters on the bot's "ClusterBot" meter: replies sent and lost, REST retries
/// and 429s, and gateway reconnects — what an operator watches to see whether Discord is treating the bot well.
/// </summary>
public sealed class DiscordMetrics
{
    private readonly Counter<long> _replies;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _reconnects;

    public DiscordMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Core.Operations.ClusterBotMetrics.MeterName);
        _replies = meter.CreateCounter<long>("discord.replies.total", "{reply}", "Discord replies by outcome (sent, failed).");
        _retries = meter.CreateCounter<long>("discord.retries.total", "{request}", "Discord REST requests retried, by reason (429, 5xx).");
        _reconnects = meter.CreateCounter<long>("discord.gateway.reconnects.total", "{reconnect}", "Gateway reconnects, by next step (resume, identify).");
    }

    public void Reply(string outcome) => _replies.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Retry(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Reconnect(string mode) => _reconnects.Add(1, new KeyValuePair<string, object?>("mode", mode));
}
