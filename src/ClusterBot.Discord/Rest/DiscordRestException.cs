using System.Net;

namespace ClusterBot.Discord.Rest;

/// <summary>A REST call Discord refused (or that the client refused to make).</summary>
public class DiscordRestException(HttpStatusCode? status, string message) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>The token was rejected (401): no further call is made until restart.</summary>
public sealed class DiscordUnauthorizedException()
    : DiscordRestException(HttpStatusCode.Unauthorized, "Discord rejected the bot token (401); REST calls are stopped until restart.");

/// <summary>One attempt answered 429: how long Discord asked to wait, and whether the whole bot is limited.</summary>
internal sealed class DiscordRateLimitedException(string route, TimeSpan retryAfter, bool global)
    : DiscordRestException(HttpStatusCode.TooManyRequests, $"{route}: rate limited for {retryAfter.TotalSeconds:F2} s")
{
    public string Route { get; } = route;

    public TimeSpan RetryAfter { get; } = retryAfter;

    public bool Global { get; } = global;
}
