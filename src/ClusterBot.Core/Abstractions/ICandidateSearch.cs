namespace ClusterBot.Core.Abstractions;

/// <summary>
/// Finds the documents that share at least one stem with a question, best first. The SQLite store
/// answers it with its FTS5 index; the ranker then scores the few candidates it returns.
/// </summary>
public interface ICandidateSearch
{
    IReadOnlyList<string> Find(IReadOnlyCollection<string> stems, int limit);
}
