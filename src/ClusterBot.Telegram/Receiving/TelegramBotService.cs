using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// The adapter's lifetime in the host. Start-up (getMe, menu, webhook registration) runs inside StartAsync;
/// when it is refused, start-up has already logged the one line that says why, so the failure is recorded
/// and the application stopped rather than thrown (the host would log it again, with a stack trace). Then
/// updates flow into the store's inbox (by polling, or from the webhook endpoint) and the inbox workers answer them
/// until StopAsync, which stops receiving and waits for the work in flight.
/// </summary>
public sealed class TelegramBotService(
    TelegramStartup startup,
    PollingReceiver polling,
    InboxWorkers workers,
    BotIdentity identity,
    TelegramConnectionState state,
    StartupFailures failures,
    IHostApplicationLifetime lifetime,
    IOptions<TelegramOptions> options) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopReceiving = new();
    private Task? _running;
    private CancellationTokenRegistration _stopWhenStarted;

    /// <summary>The receive loop (polling or webhook workers), once start-up succeeded: /healthz watches it.</summary>
    public Task? Receiving => _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await startup.RunAsync(cancellationToken);
        }
        catch (TelegramStartupException e)
        {
            failures.Add("telegram", e.Message);
            // Stopping right here would cancel the start of the services after this one (the web server among
            // them), which the host reports as a failure with a stack trace: stop once the host has started.
            // Off the callback, so that the host's own "started" callbacks run before the stop.
            _stopWhenStarted = lifetime.ApplicationStarted.Register(() => _ = Task.Run(lifetime.StopApplication, CancellationToken.None));
            return;
        }

        var token = _stopReceiving.Token;
        var working = Task.Run(() => workers.RunAsync(token), CancellationToken.None);
        if (options.Value.Mode == TelegramMode.Polling)
        {
            _running = Task.WhenAll(Task.Run(() => polling.RunAsync(token), CancellationToken.None), working);
        }
        else
        {
            // Start-up ran setWebhook before this, so Telegram is delivering from here on.
            state.WebhookSet(identity.Username);
            _running = working;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_running is null) return;
        // Not ready from the first moment of shutdown, so a load balancer stops sending while in-flight work drains.
        state.Stopped();
        await _stopReceiving.CancelAsync();
        // The receivers bound their own wait by the grace period; the host's deadline is the backstop.
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _stopWhenStarted.Dispose();
        _stopReceiving.Dispose();
    }
}
