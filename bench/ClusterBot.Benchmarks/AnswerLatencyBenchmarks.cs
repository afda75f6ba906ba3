using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using ClusterBot.Core.Answering;
using ClusterBot.Data;
using ClusterBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Benchmarks;

/// <summary>Warm, in-process answer latency for each eval question, through the real SQLite/FTS5 store.</summary>
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 5)]
[MemoryDiagnoser]
public class AnswerLatencyBenchmarks
{
    private AnswerEngine _engine = null!;
    private TempFolder _temp = null!;

    public static IEnumerable<string> Questions() =>
        File.ReadLines(Path.Combine(RepoPaths.Shared, "eval", "questions.jsonl"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!);

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _temp = new TempFolder();
        var loader = new KnowledgeLoader(new KnowledgeStore(new SqliteDatabase(_temp.File("bench.db"))),
            Options.Create(new KnowledgeOptions { Path = RepoPaths.Knowledge }), NullLogger<KnowledgeLoader>.Instance);
        _engine = new AnswerEngine(loader, Options.Create(new AnswerEngineOptions()));
        _engine.Answer(new Question(Question));
    }

    [GlobalCleanup]
    public void Cleanup() => _temp.Dispose();

    [Benchmark]
    public Reply Answer() => _engine.Answer(new Question(Question));
}
