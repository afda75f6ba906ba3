using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>"Which country …" of a named programme: the programme's country is what is asked, whatever the verb.</summary>
public sealed class WhichCountryTests(SmallKnowledge kb) : IClassFixture<SmallKnowledge>
{
    [Fact]
    public void Its_country_counts_in_what_the_programmes_facts_give()
    {
        var asked = Predicate("which country develops the beacon programme?");
        var notAsked = Predicate("where does one develop the beacon programme?");
        Assert.True(asked > notAsked, $"{asked} vs {notAsked}");
    }

    [Theory]
    [InlineData("which country holds freedonia's competitions?")]
    [InlineData("which country holds the most competitions?")]
    public void Of_a_named_country_or_of_nothing_named_the_country_is_not_given_by_any_fact(string question)
    {
        Assert.False(WhichCountry.AskedOfNamedThing(QueryAnalyser.Analyse(question, kb.Index), kb.Index));
    }

    private double Predicate(string question)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        return Ranker.Rank(query, kb.Index, new InMemoryCandidateSearch(kb.Index)).First(s => s.Document.Id == "beacon").Predicate;
    }
}

/// <summary>"Это во Фридонии или в Сильвании?": countries offered as a choice are answered by a fact of one, which the reply names.</summary>
public sealed class OfferedCountriesTests(SmallKnowledgeWithTwoCountries kb) : IClassFixture<SmallKnowledgeWithTwoCountries>
{
    [Theory]
    [InlineData("beacon — это во фридонии или в сильвании?", "Страна: Фридония")]
    [InlineData("is harbourline a programme of freedonia or sylvania", "Country: Sylvania")]
    public void The_country_of_the_fact_is_named_first(string question, string country)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(country, reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_countries_named_together_are_still_both_asked()
    {
        var reply = kb.Ask("what do freedonia and sylvania do with beacon?");
        Assert.DoesNotContain("Country:", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.False(QueryAnalyser.Analyse("what do freedonia and sylvania do with beacon?", kb.Index).OffersCountries);
    }
}
