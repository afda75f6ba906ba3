namespace ClusterBot.Data.State;

/// <summary>The state database could not be reached or migrated at start; the message is the one line for the operator.</summary>
public sealed class StateDatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
