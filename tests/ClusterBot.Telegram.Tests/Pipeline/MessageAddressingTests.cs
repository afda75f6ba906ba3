using ClusterBot.Testing;
using System.Text.Json;
using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Tests.Fakes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Tests.Pipeline;

public class MessageAddressingTests
{
    // Read as the bot reads updates: using the library's options directly before the bot registers its own shapes
    // with them would lock them, and a bot started later in the same test run would then fail to start.
    private static Message Parse(System.Text.Json.Nodes.JsonObject update) =>
        JsonSerializer.Deserialize(update.ToJsonString(), ClusterBot.Telegram.Receiving.UpdateReader.UpdateType)!.Message!;

    private static Addressing Read(System.Text.Json.Nodes.JsonObject update) =>
        MessageAddressing.Read(Parse(update), FakeBotApi.BotId, FakeBotApi.Username);

    [Fact]
    public void A_mention_addresses_the_bot_and_is_taken_out_of_the_text()
    {
        var a = Read(Updates.GroupText(1, -100, "@ClusterBot, сколько кластеров было в Корее?"));
        Assert.True(a.Addressed);
        Assert.Equal("сколько кластеров было в Корее?", a.Text);
    }

    [Fact]
    public void A_mention_in_the_middle_is_taken_out_too()
    {
        var a = Read(Updates.GroupText(1, -100, "what is TORCH @clusterbot ?"));
        Assert.True(a.Addressed);
        Assert.Equal("what is TORCH ?", a.Text);
    }

    [Fact]
    public void Someone_elses_mention_does_not_address_the_bot()
    {
        var a = Read(Updates.GroupText(1, -100, "@ClusterBotFan what is TORCH?"));
        Assert.False(a.Addressed);
    }

    [Fact]
    public void A_reply_to_the_bot_addresses_it() =>
        Assert.True(Read(Updates.GroupText(1, -100, "and in China?", replyToBot: true)).Addressed);

    [Theory]
    [InlineData("/country@ClusterBot korea", true)]
    [InlineData("/country korea", true)]
    [InlineData("/country@OtherBot korea", false)]
    [InlineData("just chatting about clusters", false)]
    public void Commands_are_ours_unless_they_name_another_bot(string text, bool addressed) =>
        Assert.Equal(addressed, Read(Updates.GroupText(1, -100, text)).Addressed);
}
