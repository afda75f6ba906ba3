using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Startup;
using ClusterBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;

namespace ClusterBot.Discord.Tests;

public sealed class MarkdownTests
{
    [Fact]
    public void Formatting_and_mentions_in_text_are_escaped()
    {
        var escaped = DiscordMarkdown.Escape("**bold** _it_ ~~gone~~ `code` ||spoiler|| @everyone <@123> [link](http://x)");
        Assert.Equal(@"\*\*bold\*\* \_it\_ \~\~gone\~\~ \`code\` \|\|spoiler\|\| \@everyone \<\@123> \[link\](http://x)", escaped);
    }

    [Theory]
    [InlineData("# heading", @"\# heading")]
    [InlineData("-# subtext", @"\-# subtext")]
    [InlineData("> quote", @"\> quote")]
    [InlineData("1. item", @"1\. item")]
    [InlineData("- item\n2) next", "\\- item\n2\\) next")]
    [InlineData("in 2012. Fine - really", "in 2012. Fine - really")]
    public void Line_start_markers_are_escaped_only_at_line_start(string text, string expected) =>
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
}

public sealed class RendererTests
{
    private static readonly Citation Source = new("2.2", [6], "Source: the paper, §2.2, ref. [6]");

    [Fact]
    public void A_long_reply_is_split_within_2000_characters_with_the_citation_last()
    {
        var paragraphs = Enumerable.Range(0, 5).Select(i => (ReplyBlock)new Paragraph(string.Join(' ', Enumerable.Repeat($"word{i}", 150)))).ToList();
        var reply = new Reply(Lang.En, ReplyOutcome.Answered, paragraphs, [Source], [], []);

        var rendered = DiscordReplyRenderer.Render(reply);

        Assert.True(rendered.Messages.Count >= 2);
        Assert.All(rendered.Messages, m => Assert.InRange(m.Length, 1, 2000));
        Assert.EndsWith(@"*Source: the paper, §2.2, ref. \[6\]*", rendered.Messages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_render_as_discord_markdown()
    {
        var reply = new Reply(Lang.En, ReplyOutcome.Answered,
            [new Heading("Korea"), new BulletList(["one *a*", "two"]), new BulletList(["first", "second"], Numbered: true)], [Source], [], []);

        var text = Assert.Single(DiscordReplyRenderer.Render(reply).Messages);

        Assert.Equal("**Korea**\n\n- one \\*a\\*\n- two\n\n1. first\n2. second\n\n*Source: the paper, §2.2, ref. \\[6\\]*", text);
    }

    [Fact]
    public void Follow_ups_become_buttons_with_short_custom_ids()
    {
        var followUps = Enumerable.Range(0, 7).Select(i => new FollowUp($"Item {i}", $"/fact f{i}")).ToList();
        followUps.Add(new FollowUp(new string('L', 120), "/country korea"));
        followUps.Add(new FollowUp("too long", "/fact " + new string('x', 120)));
        var reply = new Reply(Lang.En, ReplyOutcome.Answered, [new Paragraph("x")], [], [], followUps);

        var rows = DiscordReplyRenderer.Render(reply).Components;

        var buttons = rows.SelectMany(r => r.Components).ToList();
        Assert.All(rows, r => Assert.InRange(r.Components.Count, 1, 5));
        Assert.Equal(8, buttons.Count);
        Assert.All(buttons, b => Assert.True(b.CustomId.Length <= 100 && b.Label.Length <= 80));
        Assert.Equal("/country korea", DiscordReplyRenderer.CommandOf(buttons[^1].CustomId));
        Assert.Null(DiscordReplyRenderer.CommandOf("something-else"));
    }

    [Fact]
    public void A_single_huge_word_is_cut_without_losing_text()
    {
        var word = new string('a', 4500);
        var chunks = MessageSplitter.Split(word);
        Assert.All(chunks, c => Assert.True(c.Length <= 2000));
        Assert.Equal(word, string.Concat(chunks));
    }

    [Fact]
    public void A_hard_cut_never_separates_a_backslash_from_what_it_escapes()
    {
        var text = new string('a', 1999) + @"\*" + new string('b', 10);
        var chunks = MessageSplitter.Split(text);
        Assert.All(chunks, c => Assert.False(c.EndsWith('\\')));
        Assert.Equal(text, string.Concat(chunks));
    }

    [Fact]
    public void Slash_commands_become_core_commands()
    {
        Assert.Equal("/compare germany korea", SlashCommandCatalog.ToQuestionText("compare", ["germany", " korea "]));
        Assert.Equal("/help", SlashCommandCatalog.ToQuestionText("help", []));
    }
}

public sealed class GatewayPartsTests
{
    [Theory]
    [InlineData(4004, "authentication failed")]
    [InlineData(4010, "shard")]
    [InlineData(4011, "sharding required")]
    [InlineData(4012, "API version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "MESSAGE_CONTENT intent not enabled in the Developer Portal")]
    public void Fatal_close_codes_name_their_cause(int code, string cause) =>
        Assert.Contains(cause, GatewayCloseCodes.FatalCause(code), StringComparison.Ordinal);

    [Theory]
    [InlineData(1000)]
    [InlineData(1006)]
    [InlineData(4000)]
    [InlineData(4007)]
    [InlineData(4008)]
    [InlineData(4009)]
    public void Other_close_codes_reconnect(int code) => Assert.Null(GatewayCloseCodes.FatalCause(code));

    [Fact]
    public void Backoff_grows_with_jitter_up_to_a_minute_and_resets_after_a_healthy_session()
    {
        var backoff = new ReconnectBackoff(new Random(1));
        var waits = Enumerable.Range(0, 10).Select(_ => backoff.Next(previousWasHealthy: false)).ToList();
        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(waits[3], TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromMinutes(1)));
        Assert.True(waits[9] >= TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, backoff.Next(previousWasHealthy: true));
        Assert.InRange(backoff.Next(previousWasHealthy: false), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(backoff.InvalidSessionWait(), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Gateway_addresses_get_version_and_encoding()
    {
        Assert.Equal("wss://gateway.discord.gg/?v=10&encoding=json", GatewayClient.WithGatewayQuery(new Uri("wss://gateway.discord.gg")).ToString());
    }
}

public sealed class ConfigurationTests
{
    [Fact]
    public void Discord_is_configured_only_with_a_token()
    {
        Assert.False(new ConfigurationBuilder().Build().IsDiscordConfigured());
        Assert.False(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = " " }).Build().IsDiscordConfigured());
        Assert.True(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "x" }).Build().IsDiscordConfigured());
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_without_echoing_the_token()
    {
        await using var fake = await Fakes.FakeDiscord.StartAsync();
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            Fakes.TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Discord:ApplicationId"] = "not-a-number" }));
        Assert.Contains("ApplicationId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Fakes.FakeIds.Token, error.Message, StringComparison.Ordinal);
    }
}
