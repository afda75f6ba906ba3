using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// The adapter's lifetime in the host. Start-up (getMe, menu, webhook registration) runs inside StartAsync,
/// so a refused token stops the host from starting at all; then updates flow by polling or from the
/// webhook inbox until StopAsync, which stops receiving and waits for the work in flight.
/// </summary>
public sealed class TelegramBotService(
    TelegramStartup startup,
    PollingReceiver polling,
    WebhookWorkers webhook,
    TelegramConnectionState state,
    IOptions<TelegramOptions> options) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopReceiving = new();
    private Task? _running;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startup.RunAsync(cancellationToken);
        var token = _stopReceiving.Token;
        _running = options.Value.Mode == TelegramMode.Polling
            ? Task.Run(() => polling.RunAsync(token), CancellationToken.None)
            : Task.Run(() => webhook.RunAsync(token), CancellationToken.None);
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

    public void Dispose() => _stopReceiving.Dispose();
}
