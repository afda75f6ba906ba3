using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>
/// Questions whose words the paper has, but not for what they ask: an amount where only the word for it stands, a
/// country it names only in passing, a place it does not know, a change it denies.
/// </summary>
public sealed class AskedSubjectTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Fact]
    public void How_much_money_is_given_only_by_an_entry_stating_a_sum_not_by_one_that_merely_speaks_of_money()
    {
        var reply = kb.Ask("how much money do the beacon ports get from other programmes");
        Assert.DoesNotContain("beacon-grants", reply.FactIds);
    }

    [Fact]
    public void A_list_whose_text_counts_the_thing_asked_is_not_counted_by_its_examples()
    {
        var reply = kb.Ask("how many ports did beacon open?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-opened-ports"], reply.FactIds);
        Assert.DoesNotContain("in all", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("9", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sum_with_its_unit_answers_how_much()
    {
        var reply = kb.Ask("how much money has the beacon programme");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-budget"], reply.FactIds);
    }

    [Fact]
    public void An_amount_attribute_asked_only_by_how_much_leaves_other_questions_alone()
    {
        Assert.DoesNotContain("the amount invested", kb.Ask("what role do investments play in beacon").ToPlainText());
        var howMuch = kb.Ask("сколько инвестиций получила программа маяк");
        Assert.False(howMuch.Answered, howMuch.ToPlainText());
    }

    [Theory]
    [InlineData("compare the budget of the pier phase and the crane phase")]
    [InlineData("сравни бюджет фазы причалов и фазы кранов")]
    public void A_comparison_of_what_the_paper_gives_for_neither_is_not_answered_side_by_side(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Contains("12", reply.ToPlainText());
    }

    [Fact]
    public void A_comparison_of_two_phases_is_answered_side_by_side()
    {
        var reply = kb.Ask("compare the pier phase and the crane phase");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("2001", reply.ToPlainText());
        Assert.Contains("2010", reply.ToPlainText());
    }

    [Theory]
    [InlineData("when will beacon open lighthouses in its ports?")]
    [InlineData("когда beacon откроет маяки в портах?")]
    public void Years_without_a_count_date_nothing(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("когда закончилась фаза кранов во фридонии?", false)]
    [InlineData("when did freedonia's crane phase end?", false)]
    [InlineData("когда закончилась фаза причалов во фридонии?", true)]
    [InlineData("when did freedonia's pier phase end?", true)]
    public void An_end_asked_is_given_only_where_the_span_has_one(string question, bool answered)
    {
        var reply = kb.Ask(question);
        Assert.Equal(answered, reply.Answered);
    }

    [Fact]
    public void A_count_of_years_dates_what_it_lasted()
    {
        var reply = kb.Ask("when did dredging in the beacon ports go on?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-dredging"], reply.FactIds);
    }

    [Fact]
    public void A_country_the_paper_mentions_only_in_passing_is_not_answered_with_the_fact_that_mentions_it()
    {
        var reply = kb.Ask("кластерная политика франции");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("what did the pier phase look like before 2001?")]
    [InlineData("какой была фаза причалов до 2001 года?")]
    public void Of_the_time_before_the_papers_first_year_it_says_nothing(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
    }

    [Fact]
    public void A_time_before_a_year_the_paper_covers_is_answered()
    {
        var reply = kb.Ask("what did the pier phase look like before 2004?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("2001", reply.ToPlainText());
    }

    [Fact]
    public void Which_country_borrowed_from_a_place_the_paper_mentions_is_answered_with_the_country()
    {
        var reply = kb.Ask("which country copied the experience of france?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["freedonia-borrowed"], reply.FactIds);
        Assert.Contains("Freedonia", reply.ToPlainText());
    }

    [Fact]
    public void The_same_country_beside_a_country_the_paper_studies_is_answered()
    {
        var reply = kb.Ask("french experience in freedonia");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["freedonia-borrowed"], reply.FactIds);
    }

    [Fact]
    public void A_place_the_paper_does_not_know_is_outside_it_even_in_lower_case()
    {
        var reply = kb.Ask("what industry does the beacon port of atlantis have");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Fact]
    public void A_place_is_matched_by_its_forms_not_by_a_stem_that_common_words_share()
    {
        // "делает" shares the stem "дел" with "Дели".
        var reply = kb.Ask("что делает программа маяк в портах");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.False(kb.Index.IsPlace(["делает"], 0));
        Assert.True(kb.Index.IsPlace(["франции"], 0));
        Assert.True(kb.Index.IsPlace(["дели"], 0));
    }

    [Theory]
    [InlineData("how many ports are there in austin")]
    [InlineData("сколько портов в остине")]
    public void A_list_does_not_count_what_lies_inside_one_of_its_items(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Fact]
    public void Two_english_words_written_in_cyrillic_are_read_together_when_each_is_too_short_to_read_alone()
    {
        var query = QueryAnalyser.Analyse("маяк топ-даун?", kb.Index);
        Assert.Contains(query.Terms, t => t.Known && t.Stem == "top");
        Assert.Contains(query.Terms, t => t.Known && t.Stem == "down");
        var reply = kb.Ask("маяк топ-даун?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-top-down"], reply.FactIds);
    }

    [Theory]
    [InlineData("does the paper study the cluster policy of france?", "No.")]
    [InlineData("рассматривает ли статья фридонию?", "Да.")]
    public void Whether_the_paper_studies_a_country_is_answered_from_its_countries(string question, string verdict)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(verdict, reply.ToPlainText());
        Assert.Contains(kb.Index.Showcase.Countries[0].Name[reply.Lang], reply.ToPlainText());
    }

    [Fact]
    public void A_slip_in_a_five_letter_word_with_a_four_letter_stem_is_forgiven_when_it_keeps_the_first_two_letters()
    {
        Assert.Contains(QueryAnalyser.Analyse("порды маяка", kb.Index).Terms, t => t.Known && t.Stem == "порт");
        Assert.DoesNotContain(QueryAnalyser.Analyse("пырты маяка", kb.Index).Terms, t => t.Stem == "порт");
    }

    [Fact]
    public void A_count_that_does_not_speak_of_the_place_asked_is_not_its_count()
    {
        var reply = kb.Ask("how many companies from france take part in beacon");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("did the set of beacon ports change?", "No.")]
    [InlineData("изменился ли состав портов маяк?", "Нет.")]
    public void A_yes_no_question_whose_change_the_fact_denies_is_answered_no(string question, string verdict)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-ports-unchanged"], reply.FactIds);
        Assert.StartsWith(verdict, reply.ToPlainText());
    }
}
