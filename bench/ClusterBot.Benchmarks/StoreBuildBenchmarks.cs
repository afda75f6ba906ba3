using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data;
using ClusterBot.Testing;

namespace ClusterBot.Benchmarks;

/// <summary>Building the store from knowledge/: parse and validate the YAML, import into SQLite with the FTS5 index.</summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class StoreBuildBenchmarks
{
    private TempFolder _temp = null!;
    private KnowledgeBase _parsed = null!;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _temp = new TempFolder();
        _parsed = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        new KnowledgeStore(new SqliteDatabase(_temp.File("warm.db"))).Import(_parsed);
    }

    [GlobalCleanup]
    public void Cleanup() => _temp.Dispose();

    [Benchmark(Description = "read + validate YAML")]
    public KnowledgeBase ReadAndValidate() => KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);

    [Benchmark(Description = "import into a new SQLite file")]
    public void Import() => new KnowledgeStore(new SqliteDatabase(_temp.File($"build-{_n++}.db"))).Import(_parsed);

    [Benchmark(Description = "full build: read, validate, import")]
    public void FullBuild() => new KnowledgeStore(new SqliteDatabase(_temp.File($"full-{_n++}.db"))).Import(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));

    [Benchmark(Description = "warm start: hash folder, load from SQLite")]
    public KnowledgeBase WarmLoad()
    {
        _ = KnowledgeYamlReader.ComputeContentHash(RepoPaths.Knowledge);
        return new KnowledgeStore(new SqliteDatabase(_temp.File("warm.db"))).Load();
    }
}
