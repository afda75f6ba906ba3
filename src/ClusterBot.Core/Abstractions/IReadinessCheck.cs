namespace ClusterBot.Core.Abstractions;

/// <summary>
/// A part of the bot that /readyz asks before saying the instance may take traffic: the store (knowledge
/// loaded) and each configured platform adapter (connected).
/// </summary>
public interface IReadinessCheck
{
    string Name { get; }

    /// <summary>Ready, with a short reason when not ("gateway reconnecting", "knowledge not loaded").</summary>
    (bool Ready, string Detail) Check();
}
