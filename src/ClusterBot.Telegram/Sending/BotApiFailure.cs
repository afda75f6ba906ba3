using System.Net;
using System.Text.Json;
using ClusterBot.Telegram.Diagnostics;
using Telegram.Bot.Exceptions;

namespace ClusterBot.Telegram.Sending;

/// <summary>What went wrong with a Bot API call, in words an operator can act on.</summary>
internal static class BotApiFailure
{
    /// <summary>
    /// The HTTP status when the answer was not the Bot API's JSON at all, e.g. a proxy's HTML 502 page.
    /// Telegram.Bot reports that as a failed deserialisation, which reads like a bug in the bot rather than
    /// a gateway in front of Telegram being down.
    /// </summary>
    public static int? NonJsonStatus(Exception e) =>
        e is RequestException { HttpStatusCode: { } status, InnerException: JsonException } and not ApiRequestException && status != HttpStatusCode.OK
            ? (int)status
            : null;

    public static string Describe(Exception e, TokenRedactor redactor) => e switch
    {
        ApiRequestException api => $"{api.ErrorCode} {redactor.Redact(api.Message)}",
        _ when NonJsonStatus(e) is { } status => $"HTTP {status} from the Bot API (non-JSON body)",
        _ => redactor.Describe(e),
    };
}
