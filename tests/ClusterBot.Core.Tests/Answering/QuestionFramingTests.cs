using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>
/// The words around what a question asks: function and meta words, a frame naming the paper, a number that sizes the
/// answer, a place beyond the paper's ranking, a year where the paper gives a decade.
/// </summary>
public sealed class QuestionFramingTests(SmallKnowledgeWithRanking kb) : IClassFixture<SmallKnowledgeWithRanking>
{
    [Theory]
    [InlineData("какие отрасли упомянуты у портов маяка помимо рыболовства")]
    [InlineData("which industries are mentioned for the beacon ports besides fishing")]
    [InlineData("какие порты у маяка 2 штуки")]
    public void Function_and_meta_words_are_no_unknown_content(string question)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.DoesNotContain(query.Terms, t => !t.Known);
    }

    [Theory]
    [InlineData("какой порт beacon самый крупный?")]
    [InlineData("which beacon port is the largest?")]
    public void A_ranking_says_which_is_the_biggest(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-ranking"], reply.FactIds);
    }

    [Theory]
    [InlineData("маяк порты2", "2")]
    [InlineData("beacon ports2", "2")]
    public void A_word_run_into_a_number_is_read_as_the_two(string question, string number)
    {
        var tokens = QueryAnalyser.Analyse(question, kb.Index).Tokens;
        Assert.Contains(number, tokens);
        Assert.Equal(3, tokens.Count);
    }

    [Fact]
    public void A_verb_of_implementing_asks_only_for_a_date_in_a_when_question()
    {
        var query = QueryAnalyser.Analyse("when was beacon's lighthouse fund implemented?", kb.Index);
        Assert.DoesNotContain(query.Terms, t => t.Stem.StartsWith("implement", StringComparison.Ordinal));
        var reply = kb.Ask("when was beacon's lighthouse fund implemented?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-lighthouses"], reply.FactIds);
    }

    [Fact]
    public void What_it_does_asks_what_it_is()
    {
        Assert.DoesNotContain(QueryAnalyser.Analyse("маяк что это делает", kb.Index).Terms, t => t.Stem.StartsWith("дел", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("маяк расшифруйте")]
    [InlineData("what does beacon stand for")]
    [InlineData("the beacon abbreviation in the paper")]
    public void Asking_what_a_name_stands_for_asks_what_it_is(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon"], reply.FactIds);
    }

    [Theory]
    [InlineData("сколько компаний в программе маяк по статье")]
    [InlineData("сколько компаний в программе маяк согласно статье")]
    [InlineData("how many companies are in the beacon programme according to the paper")]
    [InlineData("how many companies are in the beacon programme in the paper")]
    [InlineData("how many companies are in the beacon programme, a topic of the paper")]
    public void A_frame_naming_the_paper_is_not_searched_for(string question)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.DoesNotContain(query.Tokens.Select(WordStemmer.Stem), s => query.Terms.Any(t => t.Stem == s && s is "стат" or "paper"));
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-members"], reply.FactIds);
    }

    [Fact]
    public void The_paper_named_as_the_subject_stays_in_the_question()
    {
        var query = QueryAnalyser.Analyse("о чём статья", kb.Index);
        Assert.Contains(query.Tokens, t => t == "статья");
        Assert.Contains(query.Terms, t => t.Stem == WordStemmer.Stem("статья"));
    }

    [Fact]
    public void A_number_that_only_sizes_the_answer_weighs_as_a_common_word()
    {
        var sized = QueryAnalyser.Analyse("which three ports are the largest", kb.Index).Terms.Single(t => t.Stem == "three");
        Assert.True(sized.Weight <= 1.0, $"weight {sized.Weight}");
        var topic = QueryAnalyser.Analyse("the three largest ports", kb.Index).Terms.Single(t => t.Stem == "three");
        Assert.True(topic.Weight > 1.0, $"weight {topic.Weight}");
    }

    [Fact]
    public void A_word_read_through_its_synonyms_weighs_as_rarely_as_the_documents_they_find_together()
    {
        var index = kb.Index;
        var single = new[] { "компан" };
        var group = new[] { "компан", "бюджет" };
        Assert.Equal(index.Idf("компан"), index.IdfOfAny(single), 9);
        Assert.True(index.IdfOfAny(group) <= Math.Min(index.Idf("компан"), index.Idf("бюджет")));
        var union = index.Documents.Count(d => d.Stems.Contains("компан") || d.Stems.Contains("бюджет"));
        Assert.Equal(Math.Log(1 + (double)index.Documents.Count / union), index.IdfOfAny(group), 9);
    }

    [Theory]
    [InlineData("какой порт маяка на 2 месте по обороту", "Остин")]
    [InlineData("which beacon port is in 3rd place by turnover", "Sylvania")]
    public void A_place_in_the_ranking_names_that_item(string question, string expected)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(expected, reply.ToPlainText());
    }

    [Theory]
    [InlineData("какой порт маяка на 7 месте по обороту")]
    [InlineData("which beacon port is in 5th place by turnover")]
    [InlineData("what is beacon's 6th largest port by turnover")]
    [InlineData("шестой крупнейший порт маяка по обороту")]
    [InlineData("which beacon port is 5th by turnover")]
    [InlineData("какой порт маяка шестой по обороту")]
    public void A_place_beyond_the_papers_ranking_is_not_answered_with_another_entry(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("1990-е что за фонд маяков появился", true)]
    [InlineData("in 1995 which beacon fund appeared?", true)]
    [InlineData("1980-е что за фонд маяков появился", false)]
    public void A_year_or_decade_asked_is_covered_by_the_decade_the_paper_gives(string question, bool answered)
    {
        var reply = kb.Ask(question);
        Assert.Equal(answered, reply.Answered);
        if (answered) Assert.Equal(["beacon-lighthouses"], reply.FactIds);
    }

    [Fact]
    public void A_year_asked_where_the_paper_gives_a_decade_is_not_given_but_the_decade_is_offered()
    {
        foreach (var question in new[] { "в каком году появился фонд маяков", "в каком точно году появился фонд маяков", "what exact year did beacon's lighthouse fund appear" })
        {
            var reply = kb.Ask(question);
            Assert.False(reply.Answered, reply.ToPlainText());
            Assert.Contains(question.StartsWith('w') ? "1990s" : "90-е", reply.ToPlainText());
        }

        var when = kb.Ask("когда появился фонд маяков");
        Assert.True(when.Answered, when.ToPlainText());
        Assert.Equal(["beacon-lighthouses"], when.FactIds);
    }

    [Fact]
    public void The_overview_of_a_named_thing_covers_the_words_of_its_name_when_what_it_is_is_asked()
    {
        var ranked = Ranker.Rank(QueryAnalyser.Analyse("что делает программа маяк", kb.Index), kb.Index, new InMemoryCandidateSearch(kb.Index));
        var overview = ranked.Single(s => s.Document.Id == "beacon");
        Assert.Equal(1, overview.Coverage, 9);
        Assert.Equal("beacon", ranked[0].Document.Id);

        // Asked for one of its facts, the overview is only about the thing: the words the fact uses still count.
        var facts = Ranker.Rank(QueryAnalyser.Analyse("какой порт маяка второй", kb.Index), kb.Index, new InMemoryCandidateSearch(kb.Index));
        Assert.True(facts.Single(s => s.Document.Id == "beacon").Coverage < 1);
    }

    [Theory]
    [InlineData("which country has the beacon programme", "Country: Freedonia.")]
    [InlineData("в какой стране есть программа маяк", "Страна: Фридония.")]
    public void Which_country_is_answered_with_the_country_of_the_fact_it_gives(string question, string expected)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.True(query.AsksWhichCountry);
        Assert.DoesNotContain(query.Terms, t => t.Stem is "countri" or "стран");
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(expected, reply.ToPlainText());
    }

    [Theory]
    [InlineData("Марвилл выше Остина по обороту порта маяк?", "Да.")]
    [InlineData("Остин выше Марвилла по обороту порта маяк?", "Нет.")]
    [InlineData("is sylvania ahead of austin in beacon's port turnover ranking", "No.")]
    [InlineData("is sylvania behind austin in beacon's port turnover ranking", "Yes.")]
    [InlineData("is austin 2nd among beacon's largest ports by turnover?", "Yes.")]
    [InlineData("is sylvania 2nd among beacon's largest ports by turnover?", "No.")]
    public void Two_places_of_a_ranking_compared_are_answered_by_their_order(string question, string expected) =>
        Assert.StartsWith(expected, kb.Ask(question).ToPlainText());

    [Theory]
    [InlineData("Do beacon pilots work only in Marville?", "No.")]
    [InlineData("Лоцманы маяка работают только в Марвилле?", "Нет.")]
    public void Only_some_claimed_where_the_fact_says_all_is_no(string question, string expected) =>
        Assert.StartsWith(expected, kb.Ask(question).ToPlainText());
}
