using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>"How many X": what is counted is read from the question, and only a figure of that thing answers it.</summary>
public sealed class CountedThingTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    [Theory]
    [InlineData("how many programmes did beacon go through")]
    [InlineData("сколько программ прошла beacon")]
    [InlineData("сколько учёных помогают маякам beacon")]
    [InlineData("how many scientists help beacon's lighthouses")]
    public void A_figure_of_another_thing_beside_the_counted_word_is_no_count_of_it(string question)
    {
        // "went through three stages" counts stages; "scientists from three universities" counts universities.
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.DoesNotContain("beacon-stages", reply.FactIds);
        Assert.DoesNotContain("beacon-universities", reply.FactIds);
    }

    [Theory]
    [InlineData("сколько университетов помогают маякам beacon", "beacon-universities")]
    [InlineData("how many universities help beacon's lighthouses", "beacon-universities")]
    [InlineData("how many piers did beacon have", "beacon-piers")]
    [InlineData("сколько причалов было у beacon", "beacon-piers")]
    public void A_figure_with_the_counted_thing_after_it_or_before_it_in_its_sentence_answers(string question, string factId)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal([factId], reply.FactIds);
    }

    [Theory]
    [InlineData("how many piers were built in beacon's late stage")]
    [InlineData("сколько причалов построили на позднем этапе beacon")]
    public void A_count_of_stages_of_the_counted_things_policy_does_not_count_the_things(string question)
    {
        // "two stages of pier policy" counts stages; "the late one" refers, it counts nothing.
        var query = QueryAnalyser.Analyse(question, kb.Index);
        var stages = kb.Index.Documents.Single(d => d.Id == "beacon-pier-policy-stages");
        Assert.False(AskedKind.Gives(query, stages, kb.Index));
    }

    [Theory]
    [InlineData("how many harbours do beacon's divers come from")]
    [InlineData("из скольких гаваней приходят водолазы beacon")]
    public void Several_is_no_number(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("сколько инновационных причалов у beacon", "причалов")]
    [InlineData("how many innovation piers does beacon have", "piers")]
    [InlineData("how many of the top 100 piers are in beacon", "piers")]
    [InlineData("сколько построили причалов в beacon", "причалов")]
    [InlineData("причалы beacon сколько построили", "причалы")]
    [InlineData("piers of beacon how many opened so far", "piers")]
    [InlineData("number of initiated piers in beacon", "piers")]
    [InlineData("на сколько лет рассчитан beacon", null)]
    [InlineData("35 — что за число", null)]
    public void The_counted_word_is_the_noun_the_count_phrase_is_about(string question, string? counted)
    {
        Assert.Equal(counted is null ? null : WordStemmer.Stem(counted), QueryAnalyser.Analyse(question, kb.Index).Counted?.Stem);
    }
}

/// <summary>Two counts of the same thing, one of the whole ranking and one per country.</summary>
public sealed class FramedCountTests(SmallKnowledgeWithTopic kb) : IClassFixture<SmallKnowledgeWithTopic>
{
    [Theory]
    [InlineData("сколько гаваней в топе индекса гаваней", "harbour-index-top50")]
    [InlineData("how many harbours are in the harbour index top", "harbour-index-top50")]
    public void A_figure_right_after_the_questions_own_word_answers_before_a_count_per_country(string question, string expected)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal([expected], reply.FactIds);
    }
}

/// <summary>"How many of the top 100 are in Europe?": a figure counts within a place only when its clause names the place.</summary>
public sealed class CountWithinPlaceTests(SmallKnowledgeWithTopic kb) : IClassFixture<SmallKnowledgeWithTopic>
{
    [Theory]
    [InlineData("сколько гаваней индекса гаваней в Лемурии?")]
    [InlineData("how many harbours of the harbour index are in atlantis")]
    public void A_figure_in_another_clause_than_the_place_is_not_its_count(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("сколько гаваней индекса гаваней у Гондваны?")]
    [InlineData("how many harbours does pangaea have in the harbour index")]
    public void A_figure_in_the_clause_that_names_the_place_answers(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["harbour-index-regions"], reply.FactIds);
        Assert.Contains("12", reply.ToPlainText(), StringComparison.Ordinal);
    }
}

/// <summary>"What weaknesses …?": the noun a "what"/"which" question asks for, when the paper never uses it, is not given.</summary>
public sealed class UnknownAskedNounTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    [Theory]
    [InlineData("what weaknesses does the beacon programme have", "weaknesses")]
    [InlineData("какие недостатки у программы beacon", "недостатки")]
    public void An_asked_noun_the_paper_never_uses_gets_the_paper_does_not_say(string question, string noun)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Contains(noun, reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which former ministry runs beacon")]
    [InlineData("какое бывшее министерство ведёт beacon")]
    public void An_unknown_word_describing_the_asked_noun_is_not_the_noun(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-ministry"], reply.FactIds);
    }
}
