using ClusterBot.Core.Abstractions;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Sending;
using ClusterBot.Discord.Startup;
using ClusterBot.Discord.Study;
using ClusterBot.Discord.Gateway;
using ClusterBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>True when a bot token is configured: the host starts the Discord adapter only then.</summary>
    public static bool IsDiscordConfigured(this IConfiguration c) =>
        !string.IsNullOrWhiteSpace(c.GetSection(DiscordOptions.SectionName)["Token"]);

    /// <summary>
    /// The Discord adapter as a hosted service, with its options (validated at start), REST client and gateway
    /// client. Expects the core (its conversation pipeline) and the store to be registered already.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .Validate(o => o.GatewayUrl is null || Uri.TryCreate(o.GatewayUrl, UriKind.Absolute, out var u) && u.Scheme is "ws" or "wss",
                "Discord:GatewayUrl must be an absolute ws:// or wss:// address.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<DiscordMetrics>();
        services.AddHttpClient(DiscordRestClient.HttpClientName, (sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            http.BaseAddress = new Uri(options.ApiBaseUrl.TrimEnd('/') + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
        })
        // The default request logging would write interaction and webhook tokens (they are in the URLs) to the logs.
        .RemoveAllLoggers();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<IDiscordRest>(sp => sp.GetRequiredService<DiscordRestClient>());
        services.AddSingleton<IDiscordGateway, GatewayClient>();
        services.AddSingleton<DiscordConnectionState>();
        services.AddSingleton<IReadinessCheck, DiscordReadinessCheck>();
        services.AddSingleton<DiscordStartup>();
        services.AddSingleton<BotSelf>();
        services.AddSingleton<AutocompleteSuggester>();
        services.AddSingleton<DiscordStudy>();
        services.AddSingleton<ChannelReplySender>();
        services.AddSingleton<InteractionReplySender>();
        services.AddSingleton<DispatchHandler>();
        services.AddHostedService<DiscordAdapter>();
        // The adapter's loop ends for good on a fatal close or a rejected token; /healthz then reports it.
        services.AddSingleton<ILivenessCheck>(sp => new BackgroundLoopLiveness("discord",
            () => sp.GetServices<IHostedService>().OfType<DiscordAdapter>().FirstOrDefault()?.ExecuteTask,
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return services;
    }
}
