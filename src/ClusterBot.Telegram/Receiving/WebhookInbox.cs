using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Updates the webhook endpoint accepted, waiting for the background workers. The endpoint answers 200 as
/// soon as an update is in here; once the inbox is closed (shutdown) or full it answers 503, and Telegram
/// delivers the update again later — to this instance or another one behind the load balancer.
/// </summary>
public sealed class WebhookInbox(IOptions<TelegramOptions> options)
{
    private readonly Channel<Update> _channel = Channel.CreateBounded<Update>(new BoundedChannelOptions(options.Value.WebhookQueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public bool TryPost(Update update) => _channel.Writer.TryWrite(update);

    public ChannelReader<Update> Reader => _channel.Reader;

    /// <summary>Stops accepting; what is already in keeps being handled.</summary>
    public void Close() => _channel.Writer.TryComplete();
}
