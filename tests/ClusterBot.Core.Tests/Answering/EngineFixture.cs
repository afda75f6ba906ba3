using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>The engine over the repository's real knowledge, searched in memory (the store has its own tests).</summary>
public sealed class EngineFixture
{
    public EngineFixture()
    {
        Index = new KnowledgeIndex(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));
        Snapshot = new KnowledgeSnapshot(Index, new InMemoryCandidateSearch(Index));
        Engine = Create("ru");
    }

    public KnowledgeIndex Index { get; }

    public KnowledgeSnapshot Snapshot { get; }

    public AnswerEngine Engine { get; }

    public AnswerEngine Create(string defaultLanguage) =>
        new(new StaticKnowledgeSource(Snapshot), Options.Create(new AnswerEngineOptions { DefaultLanguage = defaultLanguage }));
}
