using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Data;

/// <summary>
/// Brings the store up to date with the knowledge folder and serves the result: the folder is hashed at
/// start, re-imported only when the hash differs from the stored one, and then read back from SQLite.
/// </summary>
public sealed partial class KnowledgeLoader(KnowledgeStore store, IOptions<KnowledgeOptions> options, ILogger<KnowledgeLoader> logger)
    : IKnowledgeSource
{
    private readonly Lock _gate = new();
    private volatile KnowledgeSnapshot? _current;

    public string Folder => options.Value.ResolvePath();

    /// <summary>The current snapshot, loaded on first use.</summary>
    public KnowledgeSnapshot Current
    {
        get
        {
            if (_current is { } snapshot) return snapshot;
            lock (_gate)
            {
                return _current ??= Load();
            }
        }
    }

    /// <summary>Re-reads the folder; on an invalid edit throws and keeps serving the previous snapshot.</summary>
    public KnowledgeSnapshot Reload()
    {
        lock (_gate)
        {
            var previous = _current;
            _current = Load();
            // Questions still running on the previous snapshot finish on fresh connections, which are then closed.
            (previous?.Search as IDisposable)?.Dispose();
            return _current;
        }
    }

    private KnowledgeSnapshot Load()
    {
        var folder = Folder;
        var hash = KnowledgeYamlReader.ComputeContentHash(folder);
        // A new build re-derives the stems and the index even from unchanged knowledge: the code that makes them may differ.
        if (store.StoredHash() != hash || store.StoredDerivation() != KnowledgeStore.DerivedBy)
        {
            var started = TimeProvider.System.GetTimestamp();
            var kb = KnowledgeYamlReader.ReadFolder(folder);
            store.Import(kb);
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            LogImported(logger, kb.Entities.Count, kb.Facts.Count, folder, elapsed.TotalMilliseconds);
        }

        return new KnowledgeSnapshot(store.LoadIndex(), new Fts5CandidateSearch(store.Database));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Entities} entities and {Facts} facts from {Folder} in {Milliseconds:F0} ms")]
    private static partial void LogImported(ILogger logger, int entities, int facts, string folder, double milliseconds);
}
