using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Sending;

/// <summary>Replies in forum topics, and a group upgraded to a supergroup (its id changes, its /lang must not).</summary>
public sealed class TopicAndMigrationTests : FakeBotApiTest
{
    private const long Forum = -100600;
    private const int Topic = 77;
    private const long OldGroup = -4518810793;
    private const long Supergroup = -1002471352452;

    private List<ApiCall> SentTo(long chatId) => Api.Sent.Where(c => c.Number("chat_id") == chatId).ToList();

    [Fact]
    public async Task A_question_in_a_topic_is_answered_in_that_topic_quoting_it()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Forum(Forum);
        Api.Enqueue(Updates.TopicText(1, Forum, Topic, "/country korea", messageId: 700));
        await Api.WaitForAck(1);

        var sent = Assert.Single(SentTo(Forum));
        Assert.Equal(Topic, sent.Number("message_thread_id"));
        Assert.Equal(700, sent.Obj("reply_parameters")!.Value.GetProperty("message_id").GetInt32());
    }

    [Fact]
    public async Task A_question_deleted_before_its_reply_still_gets_the_reply_in_its_topic()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Forum(Forum);
        Api.Delete(Forum, 701);
        Api.Enqueue(Updates.TopicText(1, Forum, Topic, "/country korea", messageId: 701));
        await Api.WaitForAck(1);

        var sent = Assert.Single(SentTo(Forum));
        Assert.Equal(Topic, sent.Number("message_thread_id"));
        Assert.Null(sent.Obj("reply_parameters"));
        Assert.False(bot.Logs.Any("lost"), bot.Logs.All);
    }

    [Fact]
    public async Task A_reply_refused_because_the_group_became_a_supergroup_goes_to_the_new_id_and_the_language_follows()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Migrate(OldGroup, Supergroup);
        Api.Enqueue(Updates.GroupText(1, OldGroup, "/lang en", messageId: 10, chatType: "group"));
        await Api.WaitForAck(1);

        Assert.Single(SentTo(Supergroup));
        Assert.Empty(SentTo(OldGroup));

        Api.Enqueue(Updates.GroupText(2, Supergroup, "/country korea", messageId: 20));
        await Api.WaitForAck(2);
        Assert.Contains("Korea", SentTo(Supergroup)[1].Str("text"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_upgrade_service_message_carries_the_language_to_the_supergroup(bool fromTheOldGroup)
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.GroupText(1, OldGroup, "/lang en", messageId: 10, chatType: "group"));
        await Api.WaitForAck(1);

        // Two chats, so two lanes: the question waits for the service message here only to keep the test exact.
        Api.Enqueue(fromTheOldGroup ? Updates.MigratedTo(2, OldGroup, Supergroup) : Updates.MigratedFrom(2, Supergroup, OldGroup));
        await Api.WaitForAck(2);
        Api.Enqueue(Updates.GroupText(3, Supergroup, "/country korea", messageId: 30));
        await Api.WaitForAck(3);

        Assert.Contains("Korea", Assert.Single(SentTo(Supergroup)).Str("text"));
    }
}
