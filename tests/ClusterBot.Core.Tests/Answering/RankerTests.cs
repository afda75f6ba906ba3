using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>Paraphrases in both languages that must reach the right fact: the ranking's regression suite.</summary>
public class RankerTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    [Theory]
    [InlineData("How many clusters were selected in China?", "cn-19-clusters")]
    [InlineData("Сколько участников у баварских кластеров?", "by-participants")]
    [InlineData("How many research associations has Bavaria funded?", "by-research-associations-70")]
    [InlineData("When did Zentrum Digitalisierung Bayern join Bayern Innovativ?", "by-zdb-since-2020")]
    [InlineData("What is the motto of the Leading-Edge Cluster Competition?", "de-le-motto")]
    [InlineData("Какие кластеры были созданы в Корее в фазе становления?", "kr-formation-7-clusters")]
    [InlineData("Сколько кластеров в Северном Рейне-Вестфалии финансирует государство?", "nrw-14-clusters")]
    [InlineData("Which ministries support clusters in Germany?", "de-federal-ministries")]
    [InlineData("Какие факторы влияют на выбор места для кластера?", "concl-location-factors")]
    [InlineData("когда появилась программа факел", "cn-torch-origin")]
    [InlineData("How many events did Bavarian clusters hold?", "by-events")]
    [InlineData("What is OVOP?", "ovop")]
    [InlineData("Что было на третьем этапе программы промышленных комплексов?", "iccp-stage-3")]
    [InlineData("Which companies produce computers in Dongguan?", "cn-fdi-east-coast")]
    [InlineData("Сколько стоит центр 5G?", "nrw-5g-budget")]
    [InlineData("How many Leading-Edge clusters continued after 2017?", "de-le-after-2017")]
    [InlineData("для какой страны авторы хотят сформулировать рекомендации", "paper-aim")]
    [InlineData("list the 7 korean clusters from the initial phase with their industries", "kr-formation-7-clusters")]
    public void The_right_fact_ranks_first(string question, string expected)
    {
        var reply = fixture.Engine.Answer(new Question(question));
        Assert.True(reply.Answered, Explain(question));
        Assert.True(reply.FactIds.SequenceEqual([expected]), Explain(question));
    }

    [Fact]
    public void A_question_naming_one_country_prefers_that_country()
    {
        var query = QueryAnalyser.Analyse("How many people live in Korea?", fixture.Index);
        var ranked = Ranker.Rank(query, fixture.Index, fixture.Snapshot.Search);
        Assert.DoesNotContain("germany", ranked[0].Document.Roots);
    }

    [Fact]
    public void Intent_breaks_ties_towards_the_kind_of_answer_asked_for()
    {
        var query = QueryAnalyser.Analyse("сколько кластеров было в фазе роста", fixture.Index);
        Assert.Equal(Intent.Count, query.Intent);
        var top = Ranker.Rank(query, fixture.Index, fixture.Snapshot.Search)[0];
        Assert.Equal("kr-growth-193", top.Document.Id);
    }

    private string Explain(string question) => QueryExplainer.Explain(question, fixture.Snapshot);
}

/// <summary>An ordinal in the question and the phases it may mean.</summary>
public sealed class PhaseOrdinalTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    private double Score(string question, string id) =>
        Ranker.Rank(QueryAnalyser.Analyse(question, kb.Index), kb.Index, new InMemoryCandidateSearch(kb.Index)).Single(s => s.Document.Id == id).Score;

    [Theory]
    [InlineData("первая фаза фридонии началась", "фаза фридонии началась")]
    [InlineData("freedonia's first phase began", "freedonia's phase began")]
    public void The_ordinal_raises_the_phase_in_its_place_and_lowers_the_one_in_another(string withOrdinal, string without)
    {
        Assert.True(Score(withOrdinal, "fd-phase-piers") > Score(without, "fd-phase-piers"));
        Assert.True(Score(withOrdinal, "fd-phase-cranes") < Score(without, "fd-phase-cranes"));
    }
}
