using System.Security.Cryptography;
using System.Text;
using ClusterBot.Telegram.Receiving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Webhook;

/// <summary>
/// Telegram's POST with one update. Only Telegram knows the secret, so a missing header is 401 and a
/// wrong one 403; an oversized or unreadable body is 400; anything else is written to the store's inbox and
/// answered 200 at once (Telegram waits for the answer before sending the chat's next update).
/// </summary>
public sealed partial class WebhookEndpoint(TelegramInbox inbox, IOptions<TelegramOptions> options, ILogger<WebhookEndpoint> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task HandleAsync(HttpContext context)
    {
        var o = options.Value;
        var request = context.Request;
        if (!request.Headers.TryGetValue(SecretHeader, out var given) || string.IsNullOrEmpty(given.ToString()))
        {
            LogRejected(logger, StatusCodes.Status401Unauthorized, "no secret token");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!SecretMatches(given.ToString(), o.WebhookSecret ?? ""))
        {
            LogRejected(logger, StatusCodes.Status403Forbidden, "wrong secret token");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var body = await ReadLimitedAsync(request, o.MaxWebhookBodyBytes, context.RequestAborted);
        if (body is null)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, "body too large");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (UpdateReader.Read(body) is not { } update)
        {
            LogRejected(logger, StatusCodes.Status400BadRequest, "not an update");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        context.Response.StatusCode = inbox.TryPost(update, Encoding.UTF8.GetString(body)) == InboxPost.Accepted
            ? StatusCodes.Status200OK
            : StatusCodes.Status503ServiceUnavailable;
    }

    private static bool SecretMatches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The body, or null when it is longer than allowed (checked while reading: Content-Length may lie or be absent).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "Webhook call rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string reason);
}
