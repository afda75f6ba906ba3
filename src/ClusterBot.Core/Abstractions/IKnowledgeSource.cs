using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

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

public static class KnowledgeSourceExtensions
{
    /// <summary>
    /// What the knowledge names, for a platform registering its commands at start; null, with the reason, when the
    /// knowledge cannot load (its loader reports why, file and line), so the commands still go up, unlisted.
    /// </summary>
    public static KnowledgeShowcase? TryShowcase(this IKnowledgeSource knowledge, out string? problem)
    {
        try
        {
            problem = null;
            return knowledge.Current.Index.Showcase;
        }
        catch (KnowledgeValidationException e)
        {
            problem = $"{e.Errors.Count} errors in the knowledge";
            return null;
        }
        catch (IOException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
