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

    /// <summary>The engine over a knowledge folder of a test's own (a <see cref="QuotedKnowledge"/>), read and validated as the app reads it.</summary>
    public static AnswerEngine Over(string folder, string defaultLanguage = "ru")
    {
        var index = new KnowledgeIndex(KnowledgeYamlReader.ReadFolder(folder));
        return new AnswerEngine(new StaticKnowledgeSource(new KnowledgeSnapshot(index, new InMemoryCandidateSearch(index))),
            Options.Create(new AnswerEngineOptions { DefaultLanguage = defaultLanguage }));
    }
}
