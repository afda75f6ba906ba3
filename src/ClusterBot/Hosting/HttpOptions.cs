namespace ClusterBot.Hosting;

/// <summary>Bound from the `Http` configuration section: the host's web server (health, metrics, webhook).</summary>
public sealed class HttpOptions
{
    public const string SectionName = "Http";

    /// <summary>Where to listen, e.g. "http://0.0.0.0:8080"; empty keeps the web server off unless a webhook needs it.</summary>
    public string? Urls { get; set; }

    /// <summary>Used when the Telegram webhook needs a web server and no Urls are set.</summary>
    public const string WebhookDefaultUrls = "http://0.0.0.0:8080";
}
