using ClusterBot.Testing;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Rendering;

public class ReplyRendererTests
{
    private readonly ReplyRenderer _renderer = new(new FollowUpKeyboard());

    private static Reply Make(IReadOnlyList<ReplyBlock> blocks, IReadOnlyList<Citation>? citations = null, IReadOnlyList<FollowUp>? followUps = null) =>
        new(Lang.En, ReplyOutcome.Answered, blocks, citations ?? [], [], followUps ?? []);

    [Fact]
    public void Escapes_every_block_and_puts_the_citation_in_an_italic_footer()
    {
        var reply = Make(
            [new Heading("R&D <clusters>"), new Paragraph("5 < 6 & \"quoted\""), new BulletList(["<b>not bold</b>", "a & b"])],
            [new Citation("2.2", [3], "Source: “Paper”, §2.2, ref. [3]")]);

        var html = Assert.Single(_renderer.Render(reply).Messages);

        Assert.Equal(
            "<b>R&amp;D &lt;clusters&gt;</b>\n5 &lt; 6 &amp; &quot;quoted&quot;\n\n• &lt;b&gt;not bold&lt;/b&gt;\n• a &amp; b\n\n<i>Source: “Paper”, §2.2, ref. [3]</i>",
            html);
        Assert.Null(TelegramHtmlValidator.Problem(html));
    }

    [Fact]
    public void Numbered_lists_keep_their_numbers()
    {
        var html = Assert.Single(_renderer.Render(Make([new BulletList(["one", "two"], Numbered: true)])).Messages);
        Assert.Equal("1. one\n2. two", html);
    }

    [Fact]
    public void A_long_reply_is_split_between_paragraphs_under_the_limit()
    {
        var paragraphs = Enumerable.Range(0, 12).Select(i => new Paragraph($"P{i} " + new string('x', 900) + " & end.")).ToList();
        var messages = _renderer.Render(Make(paragraphs, [new Citation("1", [], "Source")])).Messages;

        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.True(m.Length <= ReplyRenderer.MaxMessageLength));
        Assert.All(messages, m => Assert.Null(TelegramHtmlValidator.Problem(m)));
        // Nothing is cut inside a paragraph: every message is whole paragraphs.
        var rejoined = string.Join("\n\n", messages);
        Assert.Equal(string.Join("\n\n", paragraphs.Select(p => TelegramHtml.Escape(p.Text))) + "\n\n<i>Source</i>", rejoined);
        Assert.EndsWith("<i>Source</i>", messages[^1]);
    }

    [Fact]
    public void A_single_paragraph_over_the_limit_is_cut_at_words_without_breaking_entities()
    {
        var text = string.Join(' ', Enumerable.Repeat("R&D <b>", 2000));
        var messages = _renderer.Render(Make([new Heading(text)])).Messages;

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m =>
        {
            Assert.True(m.Length <= ReplyRenderer.MaxMessageLength);
            Assert.Null(TelegramHtmlValidator.Problem(m));
            Assert.StartsWith("<b>", m);
        });
    }

    [Fact]
    public void Follow_ups_become_buttons_whose_data_is_short_ascii()
    {
        var keyboard = _renderer.Render(Make([new Paragraph("x")], followUps:
        [
            new FollowUp("Phases", "/phases korea"),
            new FollowUp("Clusters", "/fact kr-growth-193"),
            new FollowUp("Too long", "/fact " + new string('a', 70)),
            new FollowUp("Не ASCII", "/country корея"),
        ])).Keyboard;

        Assert.NotNull(keyboard);
        var buttons = keyboard.InlineKeyboard.SelectMany(r => r).ToList();
        Assert.Equal(["/phases korea", "/fact kr-growth-193"], buttons.Select(b => b.CallbackData));
        Assert.All(buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.CallbackData!) <= 64));
    }

    [Theory]
    [InlineData("/country korea", "/country korea")]
    [InlineData("/fact kr-growth-193", "/fact kr-growth-193")]
    [InlineData("/nosuchcommand x", null)]
    [InlineData("v1:abcdef", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Callback_data_decodes_only_to_known_commands(string? data, string? expected) =>
        Assert.Equal(expected, FollowUpKeyboard.DecodeCallbackData(data));
}
