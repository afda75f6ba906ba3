using Microsoft.Extensions.Configuration;

namespace ClusterBot.Hosting;

/// <summary>
/// What the configuration asks the host to run, decided from the configuration the host is then built with
/// (it decides whether a web server is needed): which platforms have a token, and where HTTP listens.
/// </summary>
public sealed record HostPlan(bool Telegram, bool TelegramWebhook, bool Discord, string? HttpUrls)
{
    public bool AnyPlatform => Telegram || Discord;

    public bool NeedsHttp => HttpUrls is not null;

    /// <summary>The plan the bot would run with (for the healthcheck command, which must find the same address).</summary>
    public static HostPlan Read(IDictionary<string, string?>? overrides) =>
        From(ClusterBotConfiguration.Build(RunMode.Bot, new ConfigurationInputs { Overrides = overrides }));

    public static HostPlan From(IConfiguration configuration)
    {
        var telegram = !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]);
        var webhook = telegram && string.Equals(configuration["Telegram:Mode"], "Webhook", StringComparison.OrdinalIgnoreCase);
        var discord = !string.IsNullOrWhiteSpace(configuration["Discord:Token"]);
        var urls = configuration[$"{HttpOptions.SectionName}:Urls"];
        if (string.IsNullOrWhiteSpace(urls)) urls = webhook ? HttpOptions.WebhookDefaultUrls : null;
        return new HostPlan(telegram, webhook, discord, urls);
    }
}
