using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>/quote over a knowledge folder whose entries carry the paper's words.</summary>
public sealed class CommandHandlersTests : IDisposable
{
    private readonly QuotedKnowledge _knowledge = new();
    private readonly AnswerEngine _engine;

    public CommandHandlersTests() => _engine = EngineFixture.Over(_knowledge.Path);

    public void Dispose() => _knowledge.Dispose();

    private Reply Ask(string text, string? userLanguage = null) =>
        _engine.Answer(new Question(text, UserLanguage: userLanguage, BotUsername: "ClusterBot"));

    [Fact]
    public void Quote_shows_each_passage_in_quotation_marks_then_the_citation_the_answer_gives()
    {
        var reply = Ask("/quote sy-sawmill-clusters");

        Assert.True(reply.Answered);
        Assert.Equal(["sy-sawmill-clusters"], reply.FactIds);
        var paragraphs = reply.Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Contains("«В стране действуют 42 кластера лесопилок»", paragraphs);
        Assert.Contains("«созданных при поддержке государства [1].»", paragraphs);
        var citation = Assert.Single(reply.Citations);
        Assert.Equal("2.1", citation.Section);
        Assert.Equal([1], citation.Refs);
        Assert.Equal(Assert.Single(Ask("/fact sy-sawmill-clusters").Citations), citation);
        Assert.EndsWith("§2.1, ссылка [1]", reply.ToPlainText());
    }

    [Fact]
    public void In_English_the_paper_s_words_stay_as_written_in_English_quotation_marks()
    {
        var reply = Ask("/quote forest-union", userLanguage: "en");

        Assert.Equal(Lang.En, reply.Lang);
        Assert.Contains("“Программа «Лесной союз» объединила лесопилки и университеты [2].”", reply.ToPlainText());
        Assert.EndsWith("§2.1, ref. [2]", reply.ToPlainText());
    }

    [Theory]
    [InlineData("/цитата sylvania")]
    [InlineData("/citation sylvania")]
    [InlineData("/quote Сильвания")]
    [InlineData("/quote SYLVANIA")]
    public void The_alias_and_a_name_for_the_id_work(string command)
    {
        var reply = Ask(command);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("«Кластерная политика Сильвании опирается на лесную промышленность [1].»", reply.ToPlainText());
    }

    [Fact]
    public void A_list_item_is_addressed_as_fact_dot_number_and_shows_its_own_words()
    {
        var first = Ask("/quote fu-members.1");
        Assert.True(first.Answered);
        Assert.Equal(["fu-members"], first.FactIds);
        Assert.Contains("«в союз вошли лесопилки»", first.ToPlainText());
        Assert.DoesNotContain("три вида участников", first.ToPlainText());
        Assert.Equal(Ask("/fact fu-members").Citations, first.Citations);
    }

    [Fact]
    public void An_item_without_words_of_its_own_shows_its_fact_s()
    {
        var third = Ask("/quote fu-members.3");
        Assert.True(third.Answered);
        Assert.Contains("«В Лесной союз входят три вида участников [2].»", third.ToPlainText());
    }

    [Fact]
    public void A_list_fact_s_quote_includes_its_items_words()
    {
        var text = Ask("/quote fu-members").ToPlainText();
        Assert.Contains("«В Лесной союз входят три вида участников [2].»", text);
        Assert.Contains("1. «в союз вошли лесопилки»", text);
        Assert.Contains("2. «и университеты»", text);
    }

    [Theory]
    [InlineData("/quote no-such-entry", "no-such-entry")]
    [InlineData("/quote fu-members.9", "fu-members.9")]
    [InlineData("/quote sy-sawmill-clusters.1", "sy-sawmill-clusters.1")]
    [InlineData("/quote сколько кластеров в сильвании", "сколько кластеров в сильвании")]
    public void An_unknown_id_gets_a_friendly_unanswered_reply(string command, string named)
    {
        var reply = Ask(command);
        Assert.Equal(ReplyOutcome.NotFound, reply.Outcome);
        Assert.False(reply.Answered);
        Assert.Empty(reply.Citations);
        Assert.Empty(reply.FactIds);
        Assert.Contains(named, reply.ToPlainText());
        Assert.Contains("📖", reply.ToPlainText());
    }

    [Fact]
    public void An_entry_without_a_quote_says_so_and_leads_back_to_the_entry()
    {
        var reply = Ask("/quote sy-furniture");
        Assert.Equal(ReplyOutcome.NotFound, reply.Outcome);
        Assert.Contains("ещё не добавлены", reply.ToPlainText());
        Assert.Empty(reply.Citations);
        Assert.Equal(["/fact sy-furniture"], reply.FollowUps.Select(f => f.Command));
    }

    [Fact]
    public void A_bare_quote_explains_itself_with_an_example_from_the_knowledge()
    {
        var reply = Ask("/quote");
        Assert.False(reply.Answered);
        Assert.Contains("/quote sy-sawmill-clusters", reply.ToPlainText());
    }

    [Fact]
    public void A_quote_leads_back_to_its_answer()
    {
        Assert.Equal(["/fact fu-members"], Ask("/quote fu-members.2").FollowUps.Select(f => f.Command));
        Assert.Equal(["/country sylvania"], Ask("/quote sylvania").FollowUps.Select(f => f.Command));
    }

    [Fact]
    public void Help_lists_quote_from_the_command_table()
    {
        var text = Ask("/help").ToPlainText();
        Assert.Contains("/quote <id>", text);
    }
}
