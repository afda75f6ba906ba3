using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>"Which province / city / university …": answered by a fact that names one or says which kind, not by one that only mentions them.</summary>
public sealed class WhichNameTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    [Theory]
    [InlineData("which universities help beacon's lighthouses?")]
    [InlineData("какие университеты помогают маякам beacon?")]
    [InlineData("which city has the most beacon ports?")]
    [InlineData("which coastal cities have beacon ports?")]
    [InlineData("какие компании работают в порту марвилл?")]
    [InlineData("what's the name of the central agency that manages beacon's ports?")]
    [InlineData("название центрального ведомства, которое управляет портами beacon")]
    [InlineData("which companies work in the port of marville?")]
    [InlineData("какие конкретно университеты работают в зонах beacon?")]
    [InlineData("which particular regions matter for beacon?")]
    [InlineData("which of the industries that beacon's ports serve is the biggest?")]
    [InlineData("какая из отраслей портов beacon самая крупная?")]
    public void A_fact_that_mentions_the_kind_but_names_none_does_not_say_which(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("in which cities are beacon's ports?", "beacon-port-cities")]
    [InlineData("в каких городах порты beacon?", "beacon-port-cities")]
    [InlineData("which ministry runs the beacon programme?", "beacon-ministry")]
    [InlineData("какое министерство ведёт программу beacon?", "beacon-ministry")]
    [InlineData("what is the name of the ministry that runs beacon?", "beacon-ministry")]
    public void A_fact_that_names_one_or_says_which_kind_answers(string question, string factId)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal([factId], reply.FactIds);
    }

    [Theory]
    [InlineData("в каких городах работают отрасли портов beacon?", false)]
    [InlineData("which organisations work in beacon's port industries?", true)]
    public void An_abbreviation_names_an_organisation_but_no_city(string question, bool names)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.NotNull(query.NameAsked);
        Assert.Equal(names, WhichName.NamesSomethingElse(query, kb.Index.FindDocument("beacon-industries")!, kb.Index));
    }

    [Theory]
    [InlineData("which three coastal provinces", "name-province")]
    [InlineData("какие прибрежные провинции", "name-province")]
    [InlineData("в каком городе", "name-city")]
    [InlineData("в каких именно городах", "name-city")]
    [InlineData("which big companies", "name-company")]
    [InlineData("какую программу", "name-programme")]
    [InlineData("list the names and cities of the clusters", "name-city")]
    [InlineData("which french programme", "name-programme")]
    [InlineData("name the french cluster programme", "name-programme")]
    [InlineData("what's the name of the special zone", "name-any")]
    [InlineData("название платформы", "name-any")]
    [InlineData("какую роль играют региональные университеты", null)]
    [InlineData("which types of universities", null)]
    public void The_kind_asked_heads_the_question_words_phrase(string text, string? kind)
    {
        Assert.Equal(kind, WhichName.KindAsked(TextNormaliser.Tokenise(text))?.Id);
    }

    [Fact]
    public void Names_are_runs_of_capitalised_words_inside_a_sentence_and_known_names_anywhere()
    {
        var runs = ProperNames.Runs("The programme: The Ministry of Seas works with OECD. Марвилл leads.", new HashSet<string> { "марвилл" });
        Assert.Equal(["ministry", "seas", "oecd", "марвилл"], runs.SelectMany(r => r.Name));
        Assert.Equal("of", runs[0].Next);
        Assert.Equal("вонджу", ProperNames.ItemHead("3. Вонджу — медицинское оборудование"));
        Assert.Equal("tokyo", ProperNames.ItemHead("1. Tokyo–Yokohama"));
        Assert.Null(ProperNames.ItemHead("Вонджу — медицинское оборудование"));
        Assert.Equal("вонджу", ProperNames.ItemHead("Вонджу — медицинское оборудование", isItem: true));
        Assert.Null(ProperNames.ItemHead("Логистика", isItem: true));
        Assert.Null(ProperNames.ItemHead("1. Апгрейд кластерных структур"));
    }
}
