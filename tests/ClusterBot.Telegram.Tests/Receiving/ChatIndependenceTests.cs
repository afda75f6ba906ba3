using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Receiving;

/// <summary>Polling with the flood limits on: a chat waiting for its allowance holds back no other chat.</summary>
public sealed class ChatIndependenceTests : FakeBotApiTest
{
    private const long Group = -100500;

    private static int RepliedTo(ApiCall call) => call.Obj("reply_parameters")!.Value.GetProperty("message_id").GetInt32();

    [Fact]
    public async Task A_group_waiting_out_its_allowance_does_not_hold_back_a_private_question_fetched_later()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s =>
        {
            s["Telegram:RateLimitingEnabled"] = "true";
            // Two a minute, so the group's third reply waits a whole minute for its turn.
            s["Telegram:MessagesPerMinutePerGroup"] = "2";
        });
        var limiter = bot.Get<OutboundRateLimiter>();
        Api.Enqueue(
            Updates.GroupText(1, Group, "/country korea", messageId: 10),
            Updates.GroupText(2, Group, "/country china", messageId: 20),
            Updates.GroupText(3, Group, "/country germany", messageId: 30));
        await FakeBotApi.WaitUntil(() => limiter.QueuedForGroup(Group) > 0, "the group's third reply to wait for its allowance");

        Api.Enqueue(Updates.PrivateText(4, 3001, "/country korea"), Updates.GroupText(5, Group, "/help", messageId: 50));
        await FakeBotApi.WaitUntil(() => Api.RepliesByChat.ContainsKey(3001), "the private reply");

        // The group's replies so far, in the order asked; the third (and the fifth behind it) still wait.
        Assert.Equal([10, 20], Api.Sent.Where(c => c.Number("chat_id") == Group).Select(RepliedTo));
        Assert.True(limiter.QueuedForGroup(Group) > 0);
        // The waiting updates are acknowledged, and kept in the store's inbox, so a crash now would not lose them.
        Assert.True(Api.AckedBelow > 5, $"acknowledged below {Api.AckedBelow}");
        Assert.True(bot.Get<ClusterBot.Core.Abstractions.IUpdateInbox>().Count("telegram") >= 2);
    }

    [Fact]
    public async Task Updates_of_one_chat_fetched_in_separate_calls_are_answered_in_order_once_each()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s => s["Telegram:RateLimitingEnabled"] = "true");
        var limiter = bot.Get<OutboundRateLimiter>();
        Api.Enqueue(Updates.GroupText(1, Group, "/country korea", messageId: 10), Updates.GroupText(2, Group, "/country china", messageId: 20));
        // The second waits a second for the chat's turn: the next ones arrive in a later getUpdates meanwhile. On a
        // loaded machine the first reply may take that second itself, and then the second never waits: either way
        // the next updates come in a later call, and the order is what is checked.
        await FakeBotApi.WaitUntil(() => limiter.QueuedFor(Group) > 0 || Api.Sent.Count(c => c.Number("chat_id") == Group) >= 2,
            "the chat's second reply to wait for its turn or go out");
        Api.Enqueue(Updates.GroupText(3, Group, "/country germany", messageId: 30), Updates.GroupText(4, Group, "/help", messageId: 40));
        await Api.WaitForAck(4);

        Assert.Equal([10, 20, 30, 40], Api.Sent.Where(c => c.Number("chat_id") == Group).Select(RepliedTo));
    }
}
