using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Data.State;

/// <summary>
/// Keeps this instance's claims (handled-update claims and taken inbox updates) alive while it works on them, four
/// times a lease. When the process dies the renewals stop, the leases run out, and another instance takes over.
/// </summary>
public sealed partial class ClaimLeaseRenewer(
    UpdateLedger ledger,
    UpdateInbox inbox,
    StoreInstance instance,
    TimeProvider time,
    ILogger<ClaimLeaseRenewer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(instance.RenewEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RenewOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still claimed is finished or handed back by its owner.
        }
    }

    public void RenewOnce()
    {
        try
        {
            ledger.RenewLeases();
            inbox.RenewLeases();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The next tick tries again; a lease outlives three missed renewals.
            LogRenewFailed(logger, instance.Id, ex.Message);
        }
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Warning, Message = "Could not renew the claims of instance {Instance}: {Error}")]
    private static partial void LogRenewFailed(ILogger logger, string instance, string error);
}
