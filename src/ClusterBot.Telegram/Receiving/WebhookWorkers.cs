using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Drains the webhook inbox through the same pipeline as polling. On shutdown the inbox closes (new
/// deliveries get 503 and are retried by Telegram) and the workers finish what was accepted within the
/// grace period; anything still waiting after it is logged, since Telegram already got its 200.
/// </summary>
public sealed partial class WebhookWorkers(
    WebhookInbox inbox,
    UpdatePipeline pipeline,
    BotIdentity identity,
    TelegramConnectionState state,
    IOptions<TelegramOptions> options,
    ILogger<WebhookWorkers> logger)
{
    public async Task RunAsync(CancellationToken stopReceiving)
    {
        var o = options.Value;
        using var handling = new CancellationTokenSource();
        await using var graceStarts = stopReceiving.Register(() =>
        {
            inbox.Close();
            handling.CancelAfter(o.ShutdownGrace);
        });

        // Start-up ran setWebhook before the workers were started, so Telegram is delivering from here on.
        state.WebhookSet(identity.Username);
        var workers = Enumerable.Range(0, o.WebhookWorkers).Select(_ => Task.Run(() => WorkAsync(handling.Token), CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        state.Stopped();

        var left = 0;
        while (inbox.Reader.TryRead(out _)) left++;
        if (left > 0) LogDropped(logger, left);
    }

    private async Task WorkAsync(CancellationToken handling)
    {
        try
        {
            await foreach (var update in inbox.Reader.ReadAllAsync(handling))
            {
                await pipeline.HandleAsync(update, handling);
            }
        }
        catch (OperationCanceledException) when (handling.IsCancellationRequested)
        {
            // Grace period over.
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "{Count} accepted webhook update(s) not handled before shutdown")]
    private static partial void LogDropped(ILogger logger, int count);
}
