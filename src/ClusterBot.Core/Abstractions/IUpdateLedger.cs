using ClusterBot.Core.Conversations;

namespace ClusterBot.Core.Abstractions;

/// <summary>
/// Remembers which platform updates were already answered, so a redelivered update (polling after a crash,
/// a webhook retry, a gateway replay) is not answered twice.
/// </summary>
public interface IUpdateLedger
{
    /// <summary>Claims an update for handling; false when it was already handled (or is being handled).</summary>
    bool TryBegin(string platform, string updateId);

    /// <summary>True when the update was handled to an end (not merely claimed by someone still at it).</summary>
    bool IsCompleted(string platform, string updateId);

    /// <summary>Records how the update ended.</summary>
    void Complete(string platform, string updateId, ConversationOutcome outcome);

    /// <summary>Releases a claim whose handling was interrupted, so a redelivery is handled.</summary>
    void Abandon(string platform, string updateId);

    /// <summary>Forgets entries older than the given age (platforms stop redelivering after a day).</summary>
    int Prune(TimeSpan olderThan);
}
