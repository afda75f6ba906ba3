namespace ClusterBot.Core.Conversations;

/// <summary>
/// Thrown by a delivery when the platform lost or refused the reply for good and the adapter has already said why in
/// its own terms (method, attempts, Telegram's answer): the pipeline records the message as failed without a second log line.
/// </summary>
public sealed class ReplyNotDeliveredException(string reason, Exception? cause = null) : Exception(reason, cause);
