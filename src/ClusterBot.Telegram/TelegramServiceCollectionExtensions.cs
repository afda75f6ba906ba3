using ClusterBot.Core.Abstractions;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Receiving;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Study;
using ClusterBot.Telegram.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace ClusterBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    internal const string HttpClientName = "telegram";

    /// <summary>True when a Telegram token is configured: the adapter runs only then.</summary>
    public static bool IsTelegramConfigured(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:Token"]);

    /// <summary>
    /// The Telegram adapter: options (validated at start), the Bot API client, the update pipeline and the
    /// hosted service that polls or serves the webhook. Expects AddClusterBotCore and AddClusterBotStore.
    /// </summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StartupFailures>();
        services.AddMetrics();

        // The Bot API URL carries the token, so the client's request logging is removed entirely.
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // Before the client's first request makes the library's JSON options read-only.
            BotApiJson.Register();
            // Retries are ours (BotApiCaller), with our limits and metrics; the library's own are off.
            return new TelegramBotClient(new TelegramBotClientOptions(o.Token!.Trim(), ServerOf(o.ApiBaseUrl)) { RetryCount = 0 }, http);
        });

        services.AddSingleton<TelegramMetrics>();
        services.AddSingleton<TokenRedactor>();
        services.AddSingleton<TelegramConnectionState>();
        services.AddSingleton<IReadinessCheck, TelegramReadinessCheck>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<TelegramStartup>();
        services.AddSingleton<BotApiCaller>();
        services.AddSingleton<OutboundRateLimiter>();
        services.AddSingleton<ReplySender>();
        services.AddSingleton<FollowUpKeyboard>();
        services.AddSingleton<ReplyRenderer>();
        services.AddSingleton<TelegramConversations>();
        services.AddSingleton<ChatMigration>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<CallbackQueryHandler>();
        services.AddSingleton<InlineQueryHandler>();
        services.AddSingleton<StudySender>();
        services.AddSingleton<PollAnswerHandler>();
        services.AddSingleton<UpdateRouter>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<UpdateFetcher>();
        services.AddSingleton<PollingReceiver>();
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<InboxWorkers>();
        services.AddSingleton<WebhookEndpoint>();
        services.AddHostedService<TelegramBotService>();
        // A receive loop that ended while the host runs means no update will be read again: /healthz reports it.
        services.AddSingleton<ILivenessCheck>(sp => new BackgroundLoopLiveness("telegram",
            () => sp.GetServices<IHostedService>().OfType<TelegramBotService>().FirstOrDefault()?.Receiving,
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return services;
    }

    /// <summary>A local Bot API server's scheme, host and port; null for Telegram's own.</summary>
    internal static string? ServerOf(string? apiBaseUrl) =>
        Uri.TryCreate(apiBaseUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
