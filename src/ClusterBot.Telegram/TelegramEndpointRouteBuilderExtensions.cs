using ClusterBot.Telegram.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram;

public static class TelegramEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps Telegram's webhook (POST on the path of Telegram:WebhookUrl, default /telegram/webhook) when the
    /// adapter runs in Webhook mode; in Polling mode there is nothing to map.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<TelegramOptions>>()?.Value;
        if (options is not { Mode: TelegramMode.Webhook }) return endpoints;

        endpoints.MapPost(options.WebhookPath, (HttpContext context) => context.RequestServices.GetRequiredService<WebhookEndpoint>().HandleAsync(context))
            .WithName("TelegramWebhook")
            .ExcludeFromDescription();
        return endpoints;
    }
}
