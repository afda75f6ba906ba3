namespace ClusterBot.Telegram.Pipeline;

/// <summary>How an update ended, as recorded in the ledger and the metrics.</summary>
public static class Outcomes
{
    public const string Sent = "sent";
    public const string Ignored = "ignored";
    public const string Failed = "failed";
    public const string Duplicate = "duplicate";
    public const string Interrupted = "interrupted";
}
