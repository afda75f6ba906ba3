using System.ComponentModel.DataAnnotations;
using ClusterBot.Core.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Hosting;

/// <summary>Bound from the `Analytics` configuration section.</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Days a recorded question is kept for the reports.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}

/// <summary>
/// Keeps the store small: drops questions past the retention period, and handled-update ids older than two
/// days (platforms stop redelivering after one). Runs at start and then hourly.
/// </summary>
public sealed partial class MaintenanceService(
    IQuestionLog questions,
    IUpdateLedger ledger,
    IOptions<AnalyticsOptions> options,
    TimeProvider time,
    ILogger<MaintenanceService> logger) : BackgroundService
{
    private static readonly TimeSpan LedgerKeep = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            do
            {
                RunOnce();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (or a failed start being torn down): not an error worth a log line.
        }
    }

    public void RunOnce()
    {
        try
        {
            var dropped = questions.Prune(TimeSpan.FromDays(options.Value.RetentionDays));
            var forgotten = ledger.Prune(LedgerKeep);
            if (dropped + forgotten > 0) LogPruned(logger, dropped, forgotten);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Questions} old questions and {Updates} old update ids")]
    private static partial void LogPruned(ILogger logger, int questions, int updates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store maintenance failed; it will run again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

/// <summary>Checks the attributes on <see cref="AnalyticsOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class AnalyticsOptionsValidation : IValidateOptions<AnalyticsOptions>;
