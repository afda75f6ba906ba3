using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>Replies shaped to the question, on a small knowledge base of their own.</summary>
public sealed class ReplyShapingTests(SmallKnowledge kb) : IClassFixture<SmallKnowledge>
{
    [Fact]
    public void A_how_many_question_answered_by_a_list_that_does_not_count_itself_states_the_count_first()
    {
        var reply = kb.Ask("сколько портов у программы маяк");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith("Всего 2.", reply.ToPlainText());
    }

    [Fact]
    public void A_list_question_that_does_not_ask_how_many_gets_no_count_line()
    {
        Assert.DoesNotContain("Всего", kb.Ask("порты программы маяк и их отрасли").ToPlainText());
    }

    [Fact]
    public void A_narrow_question_answered_by_an_overview_gets_its_first_sentences_and_those_that_speak_to_it()
    {
        var reply = kb.Ask("what is the climate of freedonia");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("mild", reply.ToPlainText());
        Assert.Contains("small country", reply.ToPlainText());
        Assert.DoesNotContain("competitions", reply.ToPlainText());

        Assert.Contains("конкурсы", kb.Ask("/country freedonia").ToPlainText());
    }

    [Fact]
    public void An_overview_in_answer_to_words_leaves_the_programmes_to_its_follow_ups_while_the_command_lists_them()
    {
        var words = kb.Ask("расскажи про фридонию");
        Assert.True(words.Answered, words.ToPlainText());
        Assert.DoesNotContain("Программы и регионы", words.ToPlainText());
        Assert.Contains(words.FollowUps, f => f.Command == "/programme beacon");

        Assert.Contains("Программы и регионы", kb.Ask("/country freedonia").ToPlainText());
    }
}

/// <summary>The heading of an overview given in answer to words, over a topic whose summary does not name it.</summary>
public sealed class OverviewHeadingTests(SmallKnowledgeWithUnnamedTopic kb) : IClassFixture<SmallKnowledgeWithUnnamedTopic>
{
    [Fact]
    public void An_answer_in_words_whose_text_names_its_subject_has_no_heading_while_the_command_keeps_it()
    {
        var words = kb.Ask("расскажи про фридонию");
        Assert.True(words.Answered, words.ToPlainText());
        Assert.DoesNotContain(words.Blocks, b => b is Heading);

        Assert.Contains(kb.Ask("/country freedonia").Blocks, b => b is Heading { Text: "Фридония" });
    }

    [Fact]
    public void An_answer_in_words_whose_text_does_not_name_its_subject_keeps_the_heading_that_does()
    {
        var reply = kb.Ask("what does the keepers guild do");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith("The Lighthouse Keepers' Guild\nIt trains", reply.ToPlainText());
    }
}

/// <summary>A question that asks something of a thing gets the fact that says it, not the thing's whole overview.</summary>
public sealed class NarrowFactTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Theory]
    [InlineData("какой климат во фридонии", "зимы там тёплые")]
    [InlineData("how mild is freedonia's climate", "winters are warm")]
    public void A_fact_that_says_what_is_asked_answers_before_the_overview(string question, string fact)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(fact, reply.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("small country", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("небольшая страна", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("что такое фридония")]
    [InlineData("tell me about freedonia")]
    public void A_question_of_what_the_thing_is_keeps_the_overview(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["freedonia"], reply.FactIds);
    }
}

/// <summary>A list is counted for what it lists, not for a word that only says what kind its heading is of.</summary>
public sealed class CountedListTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Theory]
    [InlineData("сколько кранов у beacon")]
    [InlineData("how many cranes does beacon have")]
    public void A_list_whose_heading_uses_the_counted_word_as_a_modifier_does_not_count_it(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
    }

    [Theory]
    [InlineData("сколько задач у крановой службы beacon", "2")]
    [InlineData("how many tasks does beacon's crane service have", "2")]
    public void A_list_whose_heading_names_the_counted_thing_counts_it(string question, string count)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(count, reply.ToPlainText().Split('\n')[0], StringComparison.Ordinal);
    }
}

/// <summary>A narrow question answered by an overview gets the summary's sentences that speak to it.</summary>
public sealed class OverviewSentenceTests(SmallKnowledgeWithLongSummary kb) : IClassFixture<SmallKnowledgeWithLongSummary>
{
    [Fact]
    public void Each_asked_word_is_shown_in_the_sentence_that_says_most_of_what_is_asked()
    {
        // "top" is in the first sentence too ("top 50"), but the third says the top three.
        var text = kb.Ask("which harbour index harbours are in the top three").ToPlainText();
        Assert.Contains("Port Royal", text, StringComparison.Ordinal);
        Assert.DoesNotContain("top 50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lemuria", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_is_kept_for_an_asked_word_that_no_fuller_sentence_has()
    {
        // The first sentence uses most of the question's words; "three" is only in the third.
        var text = kb.Ask("list the three largest harbours of the world with the most ships").ToPlainText();
        Assert.Contains("with the most ships", text, StringComparison.Ordinal);
        Assert.Contains("Port Royal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_that_does_not_ask_what_the_thing_is_gets_no_lead_sentence_that_does_not_speak_to_it()
    {
        var text = kb.Ask("лидеры индекса гаваней по числу гаваней").ToPlainText();
        Assert.Contains("Лемурия", text, StringComparison.Ordinal);
        Assert.DoesNotContain("топ-50", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_that_asks_what_the_thing_is_keeps_its_first_sentences()
    {
        var text = kb.Ask("что такое индекс гаваней").ToPlainText();
        Assert.Contains("топ-50", text, StringComparison.Ordinal);
        Assert.Contains("Лемурия", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_of_when_is_answered_with_the_sentences_that_give_a_year()
    {
        // The table is the fourth sentence's; the third gives the summary's year.
        var reply = kb.Ask("when did the beacon table appear in the harbour index");
        Assert.Equal(["harbour-index"], reply.FactIds);
        Assert.Contains("table", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("2020", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Another_things_name_speaks_of_it_by_any_of_its_names()
    {
        // "маяк" is an alias of the Beacon programme; the sentence names it "Beacon".
        var reply = kb.Ask("маяк в индексе гаваней");
        Assert.Equal(["harbour-index"], reply.FactIds);
        Assert.Contains("Beacon", reply.ToPlainText(), StringComparison.Ordinal);
    }
}

/// <summary>What an abbreviation stands for is given only where one of the thing's names spells it out.</summary>
public sealed class AbbreviationTests(SmallKnowledgeWithLongSummary kb) : IClassFixture<SmallKnowledgeWithLongSummary>
{
    [Theory]
    [InlineData("what does THI stand for")]
    [InlineData("ИГ расшифровка")]
    public void An_abbreviation_a_name_spells_out_is_answered(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["harbour-index"], reply.FactIds);
    }

    [Theory]
    [InlineData("what does habix stand for", "what the name stands for")]
    [InlineData("habix расшифровка", "как расшифровывается название")]
    public void An_abbreviation_no_name_spells_out_is_not_given(string question, string notGiven)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Contains(notGiven, reply.ToPlainText(), StringComparison.Ordinal);
    }
}

/// <summary>Two things compared side by side, each by what its summary says of what is compared.</summary>
public sealed class ComparedSentenceTests(SmallKnowledgeWithTwoCountries kb) : IClassFixture<SmallKnowledgeWithTwoCountries>
{
    [Fact]
    public void A_comparison_by_something_shows_the_sentences_that_speak_to_it()
    {
        var reply = kb.Ask("compare freedonia and sylvania by climate");
        Assert.Equal(["freedonia", "sylvania"], reply.FactIds);
        var text = reply.ToPlainText();
        Assert.Contains("Its climate is mild.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("small country", text, StringComparison.Ordinal);
        // Sylvania's summary says nothing of climate: its first sentence still says what it is.
        Assert.Contains("Sylvania builds clusters top-down.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which came first, beacon or harbourline?")]
    [InlineData("что появилось раньше: маяк или харборлайн")]
    public void Two_things_set_side_by_side_in_time_are_compared(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon", "harbourline"], reply.FactIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_comparison_by_nothing_but_the_names_shows_each_summary_whole()
    {
        var text = kb.Ask("compare freedonia and sylvania").ToPlainText();
        Assert.Contains("small country", text, StringComparison.Ordinal);
        Assert.Contains("Its climate is mild.", text, StringComparison.Ordinal);
    }
}

/// <summary>A superlative said of one thing asks for the first of a ranking; said of several, for the ranking.</summary>
public sealed class TopOfRankingTests(SmallKnowledgeWithTopic kb) : IClassFixture<SmallKnowledgeWithTopic>
{
    [Theory]
    [InlineData("the largest harbour in the harbour index", "No. 1 of 3: Port Royal")]
    [InlineData("самая крупная гавань индекса гаваней", "№1 из 3: Порт-Рояль")]
    [InlineData("крупнейшая гавань по индексу гаваней", "№1 из 3: Порт-Рояль")]
    public void The_one_biggest_is_the_first_place(string question, string first)
    {
        var reply = kb.Ask(question);
        Assert.Equal(["harbour-index-top"], reply.FactIds);
        Assert.Contains(first, reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the three largest harbours in the harbour index")]
    [InlineData("три крупнейшие гавани индекса гаваней")]
    public void Several_biggest_are_the_ranking(string question)
    {
        var reply = kb.Ask(question);
        Assert.Equal(["harbour-index-top"], reply.FactIds);
        Assert.DoesNotContain("1 of 3", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("1 из 3", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_number_of_something_is_not_a_place()
    {
        var reply = kb.Ask("у кого крупнейшее число гаваней в индексе гаваней");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.DoesNotContain("1 из 3", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_biggest_of_something_no_ranking_ranks_is_not_given()
    {
        var reply = kb.Ask("what is the biggest cluster of freedonia");
        Assert.False(reply.Answered, reply.ToPlainText());
    }
}

/// <summary>The phases asked of in words: by their names and years for "how many" and "when", with what each did on the command.</summary>
public sealed class PhaseListTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Fact]
    public void The_command_lists_what_each_phase_did()
    {
        var list = Assert.IsType<BulletList>(kb.Ask("/phases freedonia").Blocks.OfType<BulletList>().Single());
        Assert.Contains("доков", list.Items[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many phases did freedonia have")]
    [InlineData("сколько фаз было у фридонии")]
    public void How_many_phases_lists_them_by_name_and_years(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        var list = Assert.IsType<BulletList>(reply.Blocks.OfType<BulletList>().Single());
        Assert.Equal(2, list.Items.Count);
        Assert.DoesNotContain(list.Items, item => item.Contains("docks", StringComparison.Ordinal) || item.Contains("доков", StringComparison.Ordinal));
        Assert.Contains("2010", list.Items[1], StringComparison.Ordinal);
    }
}
