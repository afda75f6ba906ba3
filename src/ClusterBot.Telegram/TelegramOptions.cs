using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram;

public enum TelegramMode { Polling, Webhook }

/// <summary>Bound from the `Telegram` configuration section.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token from BotFather. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>A local Bot API server; only its scheme, host and port are used.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts updates to (Webhook mode); its path is the endpoint's path.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token on every webhook call.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Long-polling wait per getUpdates call, in seconds.</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Updates fetched per getUpdates call (Telegram allows 1–100).</summary>
    public int PollingBatchSize { get; set; } = 100;

    /// <summary>In polling mode, chats whose updates are handled at the same time; one chat's updates are always handled in order.</summary>
    public int MaxConcurrentChats { get; set; } = 16;

    /// <summary>Largest webhook body accepted; Telegram's updates are far smaller.</summary>
    public int MaxWebhookBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Updates in the store's inbox not yet handled (either receiver); past this the webhook answers 503 and polling stops
    /// acknowledging, so Telegram keeps them and delivers them later.
    /// </summary>
    public int WebhookQueueCapacity { get; set; } = 10_000;

    /// <summary>In webhook mode, chats whose updates are handled at the same time (this instance's share of the inbox).</summary>
    public int WebhookWorkers { get; set; } = 8;

    /// <summary>Outbound flood control; switched off only for benchmarks against a local fake.</summary>
    public bool RateLimitingEnabled { get; set; } = true;

    public int MessagesPerSecondPerChat { get; set; } = 1;

    public int MessagesPerMinutePerGroup { get; set; } = 20;

    public int MessagesPerSecondOverall { get; set; } = 30;

    /// <summary>Retries of a call that failed with a 5xx or a network error.</summary>
    public int MaxTransientRetries { get; set; } = 4;

    /// <summary>First backoff delay after a 5xx or network error; doubles on each retry (with jitter).</summary>
    public TimeSpan TransientRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times a 429 is waited out for one call.</summary>
    public int MaxFloodWaits { get; set; } = 5;

    /// <summary>A 429 asking to wait longer than this is a definitive failure rather than a wait.</summary>
    public TimeSpan MaxFloodWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>On shutdown, how long in-flight updates may take before they are handed back unanswered.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Articles offered for an inline query.</summary>
    public int InlineResults { get; set; } = 10;

    /// <summary>The path the webhook endpoint listens on: WebhookUrl's path, or /telegram/webhook.</summary>
    public string WebhookPath =>
        Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1
            ? uri.AbsolutePath.TrimEnd('/')
            : "/telegram/webhook";
}

/// <summary>Checks the Telegram section at start; no message ever repeats the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Token))
        {
            errors.Add("Telegram:Token is required.");
        }
        else if (!TokenShape().IsMatch(o.Token.Trim()))
        {
            errors.Add("Telegram:Token is malformed: expected '<digits>:<secret>' as BotFather gives it (the value is not shown).");
        }

        if (!string.IsNullOrWhiteSpace(o.ApiBaseUrl) && !IsHttpUrl(o.ApiBaseUrl))
        {
            errors.Add("Telegram:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (o.Mode == TelegramMode.Webhook)
        {
            if (!IsHttpUrl(o.WebhookUrl))
            {
                errors.Add("Telegram:WebhookUrl must be an absolute https URL in Webhook mode.");
            }

            if (string.IsNullOrEmpty(o.WebhookSecret) || !SecretShape().IsMatch(o.WebhookSecret))
            {
                errors.Add("Telegram:WebhookSecret is required in Webhook mode: 1–256 characters of A-Z, a-z, 0-9, _ and -.");
            }
        }

        Range(errors, o.PollingTimeoutSeconds, 0, 50, "PollingTimeoutSeconds");
        Range(errors, o.PollingBatchSize, 1, 100, "PollingBatchSize");
        Range(errors, o.MaxConcurrentChats, 1, 256, "MaxConcurrentChats");
        Range(errors, o.MaxWebhookBodyBytes, 1024, 16 * 1024 * 1024, "MaxWebhookBodyBytes");
        Range(errors, o.WebhookQueueCapacity, 1, 1_000_000, "WebhookQueueCapacity");
        Range(errors, o.WebhookWorkers, 1, 256, "WebhookWorkers");
        Range(errors, o.MessagesPerSecondPerChat, 1, 1000, "MessagesPerSecondPerChat");
        Range(errors, o.MessagesPerMinutePerGroup, 1, 10_000, "MessagesPerMinutePerGroup");
        Range(errors, o.MessagesPerSecondOverall, 1, 10_000, "MessagesPerSecondOverall");
        Range(errors, o.MaxTransientRetries, 0, 20, "MaxTransientRetries");
        Range(errors, o.MaxFloodWaits, 0, 20, "MaxFloodWaits");
        Range(errors, o.InlineResults, 1, 50, "InlineResults");
        if (o.TransientRetryDelay <= TimeSpan.Zero) errors.Add("Telegram:TransientRetryDelay must be positive.");
        if (o.ShutdownGrace < TimeSpan.Zero || o.ShutdownGrace > TimeSpan.FromSeconds(9)) errors.Add("Telegram:ShutdownGrace must be between 0 and 9 seconds.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, int value, int min, int max, string name)
    {
        if (value < min || value > max) errors.Add($"Telegram:{name} must be between {min} and {max}.");
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
