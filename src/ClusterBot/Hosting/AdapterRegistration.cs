using ClusterBot.Discord;
using ClusterBot.Telegram;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Hosting;

/// <summary>Registers the platform adapters that have a token, side by side over one core and one store.</summary>
internal static class AdapterRegistration
{
    public static void AddAdapters(IServiceCollection services, IConfiguration configuration, HostPlan plan)
    {
        if (plan.Telegram) services.AddTelegramAdapter(configuration);
        if (plan.Discord) services.AddDiscordAdapter(configuration);
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints, HostPlan plan)
    {
        if (plan.TelegramWebhook) endpoints.MapTelegramWebhook();
    }
}
