using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Abstractions;

/// <summary>The knowledge the engine answers from right now, with the search over it.</summary>
public sealed record KnowledgeSnapshot(KnowledgeIndex Index, ICandidateSearch Search);

/// <summary>Hands out the current snapshot; a reload replaces it whole, so a question never sees half of each.</summary>
public interface IKnowledgeSource
{
    KnowledgeSnapshot Current { get; }
}

/// <summary>A fixed snapshot, for tools and tests.</summary>
public sealed class StaticKnowledgeSource(KnowledgeSnapshot snapshot) : IKnowledgeSource
{
    public KnowledgeSnapshot Current { get; } = snapshot;
}
