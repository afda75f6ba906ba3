using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Tests.Answering;

public class AnswerEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private Reply Ask(string text, ChatKind kind = ChatKind.Private) =>
        fixture.Engine.Answer(new Question(text, kind, BotUsername: "ClusterBot"));

    [Fact]
    public void A_how_many_question_gets_the_figure_not_the_country_essay()
    {
        var reply = Ask("сколько кластеров было в Корее к 2012 году?");
        Assert.True(reply.Answered);
        Assert.Equal(["kr-growth-193"], reply.FactIds);
        Assert.Contains("193", reply.ToPlainText());
        var citation = Assert.Single(reply.Citations);
        Assert.Equal("2.2", citation.Section);
        Assert.EndsWith(citation.Text, reply.ToPlainText());
    }

    [Fact]
    public void Zero_width_characters_pasted_into_a_question_change_nothing()
    {
        // Copied from web pages and chat apps: invisible, but they split words for anything that reads them.
        var reply = Ask("ско\u200Bлько класте\u200Cров было в Ко\u200Bрее к 20\u206012 го\uFEFFду?");
        Assert.True(reply.Answered);
        Assert.Equal(["kr-growth-193"], reply.FactIds);
    }

    [Fact]
    public void A_country_command_gives_the_overview_with_follow_ups()
    {
        var reply = Ask("/country Германия");
        Assert.True(reply.Answered);
        Assert.Equal(["germany"], reply.FactIds);
        Assert.Equal(Lang.Ru, reply.Lang);
        Assert.NotEmpty(reply.FollowUps);
        Assert.All(reply.FollowUps, f => Assert.True(System.Text.Encoding.UTF8.GetByteCount(f.Command) <= 64, f.Command));
    }

    [Theory]
    [InlineData("What is the capital of France?")]
    [InlineData("Какая завтра погода в Москве?")]
    [InlineData("Who is the chancellor of Germany?")]
    [InlineData("What is the GDP of Germany?")]
    [InlineData("Кто президент Кореи?")]
    [InlineData("what is the population of china?")]
    public void Questions_the_paper_does_not_cover_get_no_fact(string question)
    {
        var reply = Ask(question);
        Assert.False(reply.Answered);
        Assert.Empty(reply.Citations);
        Assert.Empty(reply.FactIds);
        Assert.False(string.IsNullOrWhiteSpace(reply.ToPlainText()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("'; DROP TABLE facts; --")]
    [InlineData("🤖🤖🤖")]
    [InlineData("?!.,")]
    [InlineData("/unknowncommand")]
    public void Bad_input_gets_a_helpful_unanswered_reply(string input)
    {
        var reply = Ask(input);
        Assert.False(reply.Answered);
        Assert.NotEqual(ReplyOutcome.Ignored, reply.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(reply.ToPlainText()));
    }

    [Theory]
    [InlineData("сколько кластеров?")]
    [InlineData("clusters")]
    public void A_question_of_only_common_words_asks_for_more_instead_of_guessing(string question)
    {
        var reply = Ask(question);
        Assert.Equal(ReplyOutcome.NotFound, reply.Outcome);
        Assert.Empty(reply.FactIds);
        Assert.Contains(reply.FollowUps, f => f.Command == "/country korea");
    }

    [Fact]
    public void A_very_long_question_is_refused_politely()
    {
        var reply = Ask(new string('а', 5000));
        Assert.Equal(ReplyOutcome.Invalid, reply.Outcome);
        Assert.Contains("500", reply.ToPlainText());
    }

    [Theory]
    [InlineData("which country used one village one product according to the paper", "China")]
    [InlineData("какая страна применяла стратегию одна деревня один продукт", "Кита")]
    public void Which_country_of_a_named_programme_is_its_country_whatever_the_verb(string question, string country)
    {
        var reply = fixture.Engine.Answer(new Question(question));
        Assert.True(reply.Answered, reply.ToPlainText() + reply.Evidence);
        Assert.Contains(country, reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("какие компании работают в кластере ульсан")]
    [InlineData("which companies make up the gumi cluster?")]
    public void Companies_of_one_listed_cluster_are_not_named_by_the_other_clusters_names(string question)
    {
        var reply = fixture.Engine.Answer(new Question(question));
        Assert.False(reply.Answered, reply.ToPlainText());
    }

    [Fact]
    public void The_city_of_one_listed_cluster_is_named_by_its_items_head()
    {
        var reply = fixture.Engine.Answer(new Question("Which Korean city had the mining cluster per the paper?"));
        Assert.True(reply.Answered, reply.ToPlainText());
    }

    [Fact]
    public void An_acronym_that_is_a_function_word_in_lower_case_is_read_as_a_name()
    {
        var policy = fixture.Engine.Answer(new Question("How does the US government support its clusters?"));
        Assert.False(policy.Answered, policy.ToPlainText());
        var count = fixture.Engine.Answer(new Question("is it true the US has 30 clusters in the top 100?"));
        Assert.True(count.Answered, count.ToPlainText());
        Assert.StartsWith("No.", count.ToPlainText(), StringComparison.Ordinal);
        var it = QueryAnalyser.Analyse("IT research in korea", fixture.Index);
        Assert.Contains(it.Terms, t => t.Stem == "it" && t.Known);
        // "Ай-ти" is the lexicon's phrase for IT, not "ai" and an unknown "ти".
        var cyrillic = QueryAnalyser.Analyse("ай-ти институты в корее", fixture.Index);
        Assert.Contains(cyrillic.Terms, t => t.Known && t.Matches.Contains("ит"));
        Assert.DoesNotContain(cyrillic.Terms, t => t.Matches.Contains("ai"));
    }

    [Fact]
    public void An_items_number_inside_a_sentence_does_not_end_it()
    {
        var reply = fixture.Engine.Answer(new Question("List the five largest science and technology clusters in the world"));
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("Seoul", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain(": 1.\n", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is tourism among the industries of china's 19 clusters?", "Yes.")]
    // The paper names agriculture among China's industries elsewhere, and the 19 clusters' list only gives examples: no denial.
    [InlineData("is agriculture among the industries of china's 19 clusters?", "The paper does not say that in so many words")]
    public void A_word_of_a_lists_heading_names_none_of_its_items(string question, string verdict)
    {
        var reply = fixture.Engine.Answer(new Question(question));
        Assert.StartsWith(verdict, reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void FTS_syntax_in_a_question_is_just_words()
    {
        var reply = Ask("\"torch AND OR NEAR(");
        Assert.True(reply.Answered);
        Assert.Contains("TORCH", reply.ToPlainText());
    }

    [Fact]
    public void Control_characters_inside_a_question_are_ignored()
    {
        var reply = Ask("сколько\u0007 кластеров\u200B было в Корее к 2012?");
        Assert.Equal(["kr-growth-193"], reply.FactIds);
    }

    [Theory]
    [InlineData("/programme torhc", "torch")]
    [InlineData("/country kroea", "korea")]
    [InlineData("клстеры баварии", "bavaria")]
    [InlineData("/programme go cluster", "go-cluster")]
    [InlineData("/country@ClusterBot PRC", "china")]
    public void Typos_aliases_and_codes_find_the_thing(string input, string expectedId)
    {
        var reply = Ask(input);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal([expectedId], reply.FactIds);
    }

    [Fact]
    public void An_unknown_name_gets_did_you_mean_suggestions()
    {
        var reply = Ask("/country brazil");
        Assert.Equal(ReplyOutcome.NotFound, reply.Outcome);
        Assert.Contains(reply.FollowUps, f => f.Command == "/country korea");
        Assert.Contains("brazil", reply.ToPlainText());
    }

    [Fact]
    public void A_command_for_another_bot_is_ignored()
    {
        Assert.Equal(ReplyOutcome.Ignored, Ask("/help@OtherBot", ChatKind.Group).Outcome);
        Assert.True(Ask("/help@ClusterBot", ChatKind.Group).Answered);
    }

    [Fact]
    public void Help_is_generated_from_the_command_table()
    {
        var text = Ask("/help").ToPlainText();
        Assert.All(CommandTable.Listed, c => Assert.Contains("/" + c.Name, text));
        Assert.DoesNotContain("/fact", text);
    }

    [Theory]
    [InlineData("how many clusters did korea have by 2012", null, null, Lang.En)]
    [InlineData("сколько кластеров в корее", null, null, Lang.Ru)]
    [InlineData("/country korea", null, null, Lang.Ru)]
    [InlineData("/country korea", null, "en-US", Lang.En)]
    [InlineData("/country корея", null, "en", Lang.Ru)]
    [InlineData("сколько кластеров в корее", Lang.En, null, Lang.En)]
    public void Reply_language_follows_chat_choice_then_script_then_user(string text, Lang? chosen, string? userLanguage, Lang expected) =>
        Assert.Equal(expected, fixture.Engine.Answer(new Question(text, PreferredLanguage: chosen, UserLanguage: userLanguage)).Lang);

    [Fact]
    public void The_default_language_applies_to_bare_commands()
    {
        Assert.Equal(Lang.En, fixture.Create("en").Answer(new Question("/country korea")).Lang);
    }

    [Fact]
    public void Lang_command_asks_the_adapter_to_remember_the_choice()
    {
        var reply = Ask("/lang en");
        Assert.Equal(Lang.En, reply.LanguageChange);
        Assert.Null(Ask("/lang xx").LanguageChange);
        Assert.False(Ask("/lang xx").Answered);
    }

    [Fact]
    public void Compare_names_both_countries_with_both_citations()
    {
        var reply = Ask("compare germany and korea");
        Assert.True(reply.Answered);
        Assert.Equal(["germany", "korea"], reply.FactIds);
        Assert.Contains("Germany", reply.ToPlainText());
        Assert.Contains("South Korea", reply.ToPlainText());
        Assert.Equal(["2.1", "2.2"], reply.Citations.Select(c => c.Section));
    }

    [Fact]
    public void Phases_are_listed_in_order_with_years()
    {
        var reply = Ask("/phases korea");
        var list = Assert.IsType<BulletList>(reply.Blocks[1]);
        Assert.Equal(3, list.Items.Count);
        Assert.Contains("2004", list.Items[0]);
        Assert.Contains("2013", list.Items[2]);
    }

    [Theory]
    [InlineData("Какие программы есть в Германии?", "/programme go-cluster")]
    [InlineData("What programmes does China have?", "/programme torch")]
    public void Asking_for_a_countrys_programmes_lists_them(string question, string expectedFollowUp)
    {
        var reply = Ask(question);
        Assert.True(reply.Answered);
        Assert.Contains(reply.FollowUps, f => f.Command == expectedFollowUp);
        Assert.Contains(expectedFollowUp, reply.ToPlainText());
    }

    [Fact]
    public void Asking_for_phases_lists_them_in_order()
    {
        var reply = Ask("phases of korea");
        var list = Assert.IsType<BulletList>(reply.Blocks[1]);
        Assert.Equal(3, list.Items.Count);
        Assert.Equal(["kr-phase-formation", "kr-phase-growth", "kr-phase-maturity"], reply.FactIds);
    }

    [Theory]
    [InlineData("сколько фаз у кластерной политики кореи", true)]
    [InlineData("сколько фаз кластерной политики кореи описано и как они называются", true)]
    [InlineData("how many phases did korea's cluster policy have and what are they called", true)]
    [InlineData("how many clusters did korea create in the initial phase", false)]
    [InlineData("how many clusters were there in the phases of korea", false)]
    public void A_count_routed_to_the_phases_is_one_that_counts_phases(string question, bool phases)
    {
        var reply = Ask(question);
        Assert.Equal(phases, reply.FactIds.SequenceEqual(["kr-phase-formation", "kr-phase-growth", "kr-phase-maturity"]));
    }

    [Fact]
    public void A_phase_whose_first_sentence_only_restates_its_name_and_years_is_listed_by_them()
    {
        var list = Assert.IsType<BulletList>(Ask("/phases korea").Blocks[1]);
        Assert.Equal("Фаза становления (2004–2009)", list.Items[0]);
        // The growth phase's sentence names it and gives its years itself: it is the item, and the years are said once.
        Assert.Contains("193", list.Items[1], StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(list.Items[1], "2010–2012"));
    }

    [Fact]
    public void A_phase_name_that_carries_its_years_does_not_repeat_them()
    {
        var text = Ask("/phases iccp").ToPlainText();
        Assert.DoesNotContain("(2005–2009) (2005–2009)", text);
        Assert.Contains("2005–2009", text);
    }

    [Fact]
    public void Bare_country_and_programme_list_what_exists()
    {
        Assert.Contains("/country china", Ask("/country").ToPlainText());
        Assert.Contains("/programme torch", Ask("/programme").ToPlainText());
    }

    [Fact]
    public void Sources_describe_every_reference_without_inventing_titles()
    {
        var text = Ask("/sources").ToPlainText();
        Assert.All(Enumerable.Range(1, 10), n => Assert.Contains($"[{n}]", text));
    }

    [Fact]
    public void Fact_follow_ups_resolve_to_answers()
    {
        foreach (var followUp in Ask("/country korea").FollowUps.Concat(Ask("сколько кластеров в корее к 2012").FollowUps))
        {
            Assert.True(Ask(followUp.Command).Answered, followUp.Command);
        }
    }
}
