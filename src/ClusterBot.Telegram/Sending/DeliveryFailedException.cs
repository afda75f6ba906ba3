namespace ClusterBot.Telegram.Sending;

/// <summary>A Bot API call that failed for good: a definitive error, or retries used up.</summary>
public sealed class DeliveryFailedException(string method, int attempts, string reason, Exception? inner = null)
    : Exception($"{method} failed after {attempts} attempt(s): {reason}", inner)
{
    public string Method { get; } = method;

    public int Attempts { get; } = attempts;

    public string Reason { get; } = reason;
}
