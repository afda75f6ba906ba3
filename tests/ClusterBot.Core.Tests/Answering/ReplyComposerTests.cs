using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>The "📖 quote" follow-up on every answer that shows a fact or an entity, over quoted fixture knowledge.</summary>
public sealed class ReplyComposerTests : IDisposable
{
    /// <summary>A country with more programmes than an overview has room for, each of them quoted.</summary>
    private static readonly string Bigland = """
        country:
          id: bigland
          name: {ru: "Бигландия", en: "Bigland"}
          aliases: {ru: ["бигландия"], en: ["bigland"]}
          summary: {ru: "Много программ.", en: "Many programmes."}
          quote: "В Бигландии много программ [3]."
          cite: {section: "2.2", refs: [3]}
        phases:
          - id: bg-phase-one
            of: bigland
            order: 1
            name: {ru: "Первая фаза", en: "First phase"}
            summary: {ru: "Начало.", en: "The start."}
            quote: "Сначала была первая фаза [3]."
            cite: {section: "2.2", refs: [3]}
        programmes:

        """ + string.Concat(Enumerable.Range(1, 6).Select(n => $$"""
          - id: bg-programme-{{n}}
            name: {ru: "Программа номер {{n}}", en: "Programme number {{n}}"}
            summary: {ru: "Программа {{n}}.", en: "Programme {{n}}."}
            quote: "Программа {{n}} существует [3]."
            cite: {section: "2.2", refs: [3]}

        """));

    private readonly QuotedKnowledge _knowledge = new(withFreedonia: true);
    private readonly AnswerEngine _engine;

    public ReplyComposerTests()
    {
        File.WriteAllText(Path.Combine(_knowledge.Path, "bigland.yaml"), Bigland);
        _engine = EngineFixture.Over(_knowledge.Path);
    }

    public void Dispose() => _knowledge.Dispose();

    private Reply Ask(string text, string? userLanguage = null) =>
        _engine.Answer(new Question(text, UserLanguage: userLanguage, BotUsername: "ClusterBot"));

    [Theory]
    [InlineData("/fact sy-sawmill-clusters", "/quote sy-sawmill-clusters")]
    [InlineData("Сколько кластеров лесопилок в Сильвании?", "/quote sy-sawmill-clusters")]
    [InlineData("/country sylvania", "/quote sylvania")]
    [InlineData("/programme forest-union", "/quote forest-union")]
    [InlineData("/fact fu-members", "/quote fu-members")]
    public void An_answer_showing_one_entry_offers_its_quote(string question, string quoteCommand)
    {
        var reply = Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        var quote = Assert.Single(reply.FollowUps, f => f.Command.StartsWith("/quote", StringComparison.Ordinal));
        Assert.Equal(quoteCommand, quote.Command);
        Assert.Equal("📖 цитата", quote.Label);
        var english = _engine.Answer(new Question(question, PreferredLanguage: Lang.En));
        Assert.Equal("📖 quote", Assert.Single(english.FollowUps, f => f.Command == quoteCommand).Label);
    }

    [Fact]
    public void Phases_offer_the_quote_of_each_phase_named()
    {
        var reply = Ask("/phases sylvania");
        var quotes = reply.FollowUps.Where(f => f.Command.StartsWith("/quote", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/quote sy-phase-start", "/quote sy-phase-growth"], quotes.Select(q => q.Command));
        Assert.Equal(["📖 Фаза начала", "📖 Фаза роста"], quotes.Select(q => q.Label));
    }

    [Fact]
    public void Compare_offers_the_quote_of_each_country()
    {
        var reply = Ask("/compare sylvania freedonia", "en");
        var quotes = reply.FollowUps.Where(f => f.Command.StartsWith("/quote", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/quote sylvania", "/quote freedonia"], quotes.Select(q => q.Command));
        Assert.Equal(["📖 Sylvania", "📖 Freedonia"], quotes.Select(q => q.Label));
    }

    [Fact]
    public void An_entry_without_the_paper_s_words_offers_no_quote_button()
    {
        Assert.DoesNotContain(Ask("/fact sy-furniture").FollowUps, f => f.Command.StartsWith("/quote", StringComparison.Ordinal));
    }

    [Fact]
    public void An_overview_keeps_its_bound_and_its_quote_when_it_has_more_children_than_room()
    {
        var reply = Ask("/country bigland");
        Assert.Equal(5, reply.FollowUps.Count);
        Assert.Equal("/quote bigland", reply.FollowUps[0].Command);
        Assert.Contains(reply.FollowUps, f => f.Command == "/phases bigland");
        Assert.Contains(reply.FollowUps, f => f.Command.StartsWith("/compare bigland ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/country sylvania")]
    [InlineData("/country bigland")]
    [InlineData("/programme forest-union")]
    [InlineData("/phases sylvania")]
    [InlineData("/phases bigland")]
    [InlineData("/compare sylvania freedonia bigland")]
    [InlineData("/fact fu-members")]
    [InlineData("/help")]
    public void Every_follow_up_is_bounded_fits_a_button_and_leads_to_an_answer(string question)
    {
        var reply = Ask(question);
        Assert.InRange(reply.FollowUps.Count, 1, 6);
        Assert.All(reply.FollowUps, f =>
        {
            // Telegram's callback data: at most 64 bytes; Discord's custom_id ("q:" + command): at most 100 characters.
            Assert.True(Encoding.UTF8.GetByteCount(f.Command) <= 64 && f.Command.All(char.IsAscii), f.Command);
            Assert.True(Ask(f.Command).Answered, f.Command);
        });
    }
}
