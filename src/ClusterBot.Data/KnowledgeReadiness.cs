using ClusterBot.Core.Abstractions;

namespace ClusterBot.Data;

/// <summary>Ready once knowledge is loaded from the store.</summary>
public sealed class KnowledgeReadiness(KnowledgeLoader loader) : IReadinessCheck
{
    public string Name => "knowledge";

    public (bool Ready, string Detail) Check()
    {
        try
        {
            var facts = loader.Current.Index.Knowledge.Facts.Count;
            return (facts > 0, $"{facts} facts");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (false, "knowledge not loaded: " + ex.GetType().Name);
        }
    }
}
