using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Startup;
using ClusterBot.Discord.Tests.Fakes;

namespace ClusterBot.Discord.Tests;

/// <summary>
/// Discord's message markup (discord.com/developers/docs/reference#message-formatting) in a question: what the
/// core cannot read is taken out before it gets there, and a mention of the bot's role addresses the bot.
/// </summary>
public sealed class MarkupTests
{
    private const string Question = "how many clusters were there in Korea by 2012?";
    private static readonly string Bot = $"<@{FakeIds.BotUserId}>";

    public static TheoryData<string, string> Markup() => new()
    {
        { "another user", $"<@{FakeIds.OtherUserId}> {Bot} {Question}" },
        { "another user (nickname form)", $"{Bot} <@!{FakeIds.OtherUserId}> {Question}" },
        { "a role", $"{Bot} <@&{FakeIds.OtherRoleId}> {Question}" },
        { "a channel", $"{Bot} {Question} <#{FakeIds.GuildChannelId}>" },
        { "@here and @everyone", $"@here {Bot} {Question} @everyone" },
        { "custom emoji", $"{Bot} <:thinking_pepe:216154654256398347> {Question} <a:b1nzy:392938283556143104>" },
        { "a timestamp", $"{Bot} <t:1618953630:R> {Question}" },
        { "all of it", $"<@&{FakeIds.OtherRoleId}> @here {Bot} <:a_b:1> <t:1618953630> <@{FakeIds.OtherUserId}> {Question} <#{FakeIds.GuildChannelId}> <a:c:2>" },
    };

    [Theory]
    [MemberData(nameof(Markup))]
    public async Task A_question_with_markup_is_answered(string what, string content)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2,
            DiscordSamples.Message("8001", content, mentionsBot: true, mentionsUsers: [FakeIds.OtherUserId], mentionsRoles: [FakeIds.OtherRoleId]));

        var reply = await AdapterTests.ReplyToAsync(fake, "8001");
        Assert.True(reply.Json.GetProperty("content").GetString()!.Contains("193", StringComparison.Ordinal), what);
    }

    [Fact]
    public async Task A_slash_command_mention_is_read_as_the_command_it_names()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2,
            DiscordSamples.Message("8004", $"{Bot} </country:910000000000000001> korea", mentionsBot: true));

        var content = (await AdapterTests.ReplyToAsync(fake, "8004")).Json.GetProperty("content").GetString()!;
        // The country overview, in the chat's default language: what /country korea answers.
        Assert.StartsWith("**Южная Корея**", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mention_of_the_bots_own_role_addresses_the_bot()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        await connection.SendDispatchAsync("GUILD_CREATE", 2, DiscordSamples.GuildCreate());
        // Another role's mention is not for the bot: in the same channel, so it is looked at first and left alone.
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3,
            DiscordSamples.Message("8002", $"<@&{FakeIds.OtherRoleId}> {Question}", mentionsRoles: [FakeIds.OtherRoleId]));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 4,
            DiscordSamples.Message("8003", $"<@&{FakeIds.BotRoleId}> {Question}", mentionsRoles: [FakeIds.BotRoleId]));

        var reply = await AdapterTests.ReplyToAsync(fake, "8003");
        Assert.Contains("193", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(fake.Delivered);
    }

    [Theory]
    [InlineData("<@42> how many?", "how many?")]
    [InlineData("how many? <@!42>", "how many?")]
    [InlineData("<@7> <@&9> <#5> hi @everyone @here", "hi")]
    [InlineData("</country:910000000000000001> korea", "/country korea")]
    [InlineData("</quiz start:1> now", "/quiz start now")]
    [InlineData("<:pepe:12><a:dance:34>torch", "torch")]
    [InlineData("by <t:1325376000:D>?", "by 2012-01-01?")]
    [InlineData("a <t:99999999999999999> b", "a b")]
    [InlineData("email me@everyone.org", "email me@everyone.org")]
    public void Markup_is_taken_out_or_translated(string content, string question) =>
        Assert.Equal(question, DiscordQuestionText.From(content));
}
