using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>How a question's words are read against the paper's vocabulary.</summary>
public sealed class QueryAnalyserTests(SmallKnowledgeWithClaims kb, SmallKnowledgeWithAsides phases) : IClassFixture<SmallKnowledgeWithClaims>, IClassFixture<SmallKnowledgeWithAsides>
{
    [Theory]
    [InlineData("when did the cranne phase begin")]
    [InlineData("when did the crane phsae begin")]
    public void A_misspelt_word_of_a_name_of_several_words_is_read_as_the_names_word(string question)
    {
        Assert.Contains("fd-phase-cranes", QueryAnalyser.Analyse(question, phases.Index).EntityIds);
    }

    [Theory]
    [InlineData("skolko kompaniy v beacon", Intent.Count)]
    [InlineData("kogda byl konkurs vo fridonii", Intent.When)]
    public void Russian_typed_in_latin_letters_is_read_as_russian(string question, Intent intent)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.Equal(intent, query.Intent);
        Assert.DoesNotContain(query.Terms, t => !t.Known);
    }

    [Theory]
    [InlineData("whats the buget of beacon", "budget")]
    [InlineData("how much money has beacon", "budget")]
    public void English_with_a_typo_stays_english(string question, string attribute)
    {
        Assert.Contains(QueryAnalyser.Analyse(question, kb.Index).Attributes, a => a.Attribute.Id == attribute);
    }

    [Theory]
    [InlineData("го бикон бюджет")]
    [InlineData("го-бикон бюджет")]
    public void A_filler_that_begins_a_name_is_the_names_word(string question)
    {
        Assert.Contains("beacon", QueryAnalyser.Analyse(question, kb.Index).EntityIds);
    }

    [Fact]
    public void A_filler_elsewhere_is_still_chat()
    {
        Assert.Equal(QueryAnalyser.Analyse("бюджет маяк", kb.Index).Tokens, QueryAnalyser.Analyse("го бюджет маяк", kb.Index).Tokens);
    }

    [Theory]
    [InlineData("как маяк хочет стать лидером", "стать")]
    [InlineData("маяк станет лидером?", "станет")]
    public void The_verb_become_is_no_content_word_and_not_read_as_the_noun_it_shares_a_stem_with(string question, string verb)
    {
        Assert.DoesNotContain(QueryAnalyser.Analyse(question, kb.Index).Terms, t => t.Stem == WordStemmer.Stem(verb));
    }

    [Theory]
    [InlineData("intra-university or inter-university cooperation")]
    [InlineData("интра-университетская кооперация")]
    public void The_first_part_of_a_compound_is_no_misspelt_one_word_name(string question)
    {
        var index = new KnowledgeIndex(ClusterBot.Core.Knowledge.KnowledgeYamlReader.ReadFolder(ClusterBot.Testing.RepoPaths.Knowledge));
        Assert.DoesNotContain("introduction", QueryAnalyser.Analyse(question, index).EntityIds);
        Assert.Contains("introduction", QueryAnalyser.Analyse("what does the intro say", index).EntityIds);
    }

    [Fact]
    public void A_misspelt_attribute_word_asks_for_the_attribute()
    {
        Assert.Contains(QueryAnalyser.Analyse("whats the buget of beacon", kb.Index).Attributes, a => a.Attribute.Id == "budget");
    }

    [Theory]
    [InlineData("кто спланировал программу маяк", "планировали")]
    [InlineData("как спланировали программу маяк", "планировали")]
    public void A_verb_with_another_aspects_prefix_is_the_verb_the_paper_uses(string question, string paperWord)
    {
        var term = Assert.Single(QueryAnalyser.Analyse(question, kb.Index).Terms, t => t.Stem.StartsWith("спланир", StringComparison.Ordinal));
        Assert.True(term.Known);
        Assert.Contains(WordStemmer.Stem(paperWord), term.Matches);
    }

    [Fact]
    public void A_prefix_is_not_stripped_from_a_word_the_paper_uses_itself()
    {
        var term = Assert.Single(QueryAnalyser.Analyse("программу маяк планировали", kb.Index).Terms, t => t.Stem == WordStemmer.Stem("планировали"));
        Assert.DoesNotContain(term.Matches, m => m.StartsWith('с'));
    }

    [Fact]
    public void A_clipped_compound_whose_second_half_the_paper_uses_is_read_as_two_words()
    {
        var tokens = QueryAnalyser.Analyse("госведомство управляет портами маяка?", kb.Index).Tokens;
        Assert.Equal(["государственный", "ведомство"], tokens.Take(2));
        Assert.Contains(QueryAnalyser.Analyse("госведомство управляет портами маяка?", kb.Index).Terms, t => t.Known && t.Stem == WordStemmer.Stem("ведомство"));
    }

    [Fact]
    public void A_clip_standing_alone_is_its_word()
    {
        Assert.Equal(["маяк", "на", "федеральный", "уровне"], QueryAnalyser.Analyse("маяк на фед уровне", kb.Index).Tokens);
    }

    [Theory]
    [InlineData("гостиница у маяка")]
    [InlineData("медленно строят порты")]
    public void A_word_that_only_starts_like_a_clip_stays_whole(string question)
    {
        Assert.Equal(TextNormaliser.Tokenise(question), QueryAnalyser.Analyse(question, kb.Index).Tokens);
    }

    [Theory]
    [InlineData("how many companies get money from beacon?", null)]
    [InlineData("сколько компаний получают деньги от маяка?", null)]
    [InlineData("how much money does beacon get?", "budget")]
    [InlineData("деньги маяка, сколько?", "budget")]
    [InlineData("сколько в программе beacon деньги?", "budget")]
    [InlineData("how many beacon programme companies get money?", null)]
    [InlineData("how many million euros does beacon have as money?", "budget")]
    [InlineData("what money does beacon get?", "budget")]
    public void A_count_asks_an_attribute_only_when_it_counts_the_attribute(string question, string? attribute)
    {
        Assert.Equal(attribute, QueryAnalyser.Analyse(question, kb.Index).Attributes.SingleOrDefault()?.Attribute.Id);
    }

    [Theory]
    [InlineData("what role do the ports play in beacon?")]
    [InlineData("какую роль играют порты в программе маяк?")]
    public void What_role_a_thing_plays_asks_what_it_does(string question)
    {
        var stems = QueryAnalyser.Analyse(question, kb.Index).Terms.Select(t => t.Stem).ToList();
        Assert.DoesNotContain(stems, s => s.StartsWith("rol", StringComparison.Ordinal) || s.StartsWith("play", StringComparison.Ordinal) || s.StartsWith("игра", StringComparison.Ordinal));
        Assert.Contains(stems, s => s.StartsWith("port", StringComparison.Ordinal) || s.StartsWith("порт", StringComparison.Ordinal));
        Assert.Empty(RoleFrame.Positions(TextNormaliser.Tokenise("what role does it have")));
    }

    [Theory]
    [InlineData("чем занимались порты программы маяк?")]
    [InlineData("порты маяка чем занимаются")]
    public void What_a_thing_is_busy_with_asks_what_it_does(string question)
    {
        var stems = QueryAnalyser.Analyse(question, kb.Index).Terms.Select(t => t.Stem).ToList();
        Assert.DoesNotContain(stems, s => s.StartsWith("заним", StringComparison.Ordinal));
        Assert.Contains(stems, s => s.StartsWith("порт", StringComparison.Ordinal));
        Assert.Empty(RoleFrame.Positions(TextNormaliser.Tokenise("какое место занимает сеул")));
    }

    [Theory]
    [InlineData("what are the two ports of beacon?", true)]
    [InlineData("list the two beacon lighthouses", true)]
    [InlineData("назовите все два порта маяка", true)]
    [InlineData("which two ports does beacon have?", true)]
    [InlineData("does beacon have two ports?", false)]
    public void A_number_after_the_question_word_sizes_the_answer_and_weighs_as_a_common_word(string question, bool sizesTheAnswer)
    {
        var number = Assert.Single(QueryAnalyser.Analyse(question, kb.Index).Terms, t => t.Stem is "two" or "дв" or "два");
        Assert.Equal(sizesTheAnswer, number.Weight <= 1.0);
    }

    [Theory]
    [InlineData("explain the beacon programme in two sentences")]
    [InlineData("короче, что за программа маяк в двух словах")]
    [InlineData("beacon ports in a nutshell")]
    public void How_short_the_reply_should_be_is_not_what_it_is_about(string question)
    {
        var stems = QueryAnalyser.Analyse(question, kb.Index).Terms.Select(t => t.Stem).ToList();
        Assert.DoesNotContain(stems, s => s is "two" or "sentenc" or "двух" or "слов" or "nutshel" or "коротк" or "корот");
        Assert.NotEmpty(BrevityFrame.Positions(TextNormaliser.Tokenise(question)));
    }
}
