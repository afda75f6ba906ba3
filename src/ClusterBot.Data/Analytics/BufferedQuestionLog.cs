using System.Threading.Channels;
using ClusterBot.Core.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Data.Analytics;

/// <summary>
/// Keeps the question log's writes off the answer path: a question is queued in memory and written with others
/// in one transaction by a background loop, which drains the queue on shutdown. The queue is bounded; if the
/// store falls far behind, the oldest unwritten records are dropped (counted in the log) rather than answers slowed.
/// </summary>
public sealed partial class BufferedQuestionLog(QuestionLogStore store, ILogger<BufferedQuestionLog> logger) : BackgroundService, IQuestionLog
{
    private const int Capacity = 10_000;
    private const int BatchSize = 200;
    private int _dropped;

    private readonly Channel<QuestionRecord> _queue = Channel.CreateBounded<QuestionRecord>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Record(QuestionRecord record)
    {
        if (_queue.Reader.Count >= Capacity) Interlocked.Increment(ref _dropped);
        _queue.Writer.TryWrite(record);
    }

    public int Prune(TimeSpan olderThan) => store.Prune(olderThan);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                WriteAvailable();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is written below.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _queue.Writer.TryComplete();
        WriteAvailable();
    }

    /// <summary>Writes everything queued right now, in batches of one transaction each.</summary>
    public void WriteAvailable()
    {
        var batch = new List<QuestionRecord>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record)) batch.Add(record);
            if (batch.Count == 0) break;
            try
            {
                store.RecordAll(batch);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogWriteFailed(logger, batch.Count, ex);
            }
        }

        if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0) LogDropped(logger, dropped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {Count} questions for the reports")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The question log fell behind: {Count} records were dropped")]
    private static partial void LogDropped(ILogger logger, int count);
}
