using Telegram.Bot.Exceptions;

namespace ClusterBot.Telegram.Sending;

/// <summary>A Bot API call that failed for good: a definitive error, or retries used up.</summary>
/// <param name="refusal">Telegram's own answer when it refused the call, for the callers that can act on it.</param>
public sealed class DeliveryFailedException(string method, int attempts, string reason, ApiRequestException? refusal = null)
    : Exception($"{method} failed after {attempts} attempt(s): {reason}", refusal)
{
    public string Method { get; } = method;

    public int Attempts { get; } = attempts;

    public string Reason { get; } = reason;

    /// <summary>The supergroup a group was upgraded to, when Telegram refused the send for that reason.</summary>
    public long? MigratedTo => (InnerException as ApiRequestException)?.Parameters?.MigrateToChatId;

    /// <summary>Telegram found no message to quote (it was deleted), and could not send without the quote.</summary>
    public bool QuotedMessageMissing =>
        InnerException is ApiRequestException { ErrorCode: 400 } api &&
        api.Message.Contains("replied", StringComparison.OrdinalIgnoreCase) && api.Message.Contains("not found", StringComparison.OrdinalIgnoreCase);
}
