using ClusterBot.Testing;
using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Pipeline;

public sealed class ChatLanguageTests : FakeBotApiTest
{
    [Fact]
    public async Task Lang_set_in_a_group_survives_a_restart()
    {
        const long group = -5001;
        await using (var first = await BotHarness.StartAsync(Api, Temp.Database))
        {
            Api.Enqueue(Updates.GroupText(1, group, "/lang@ClusterBot en"));
            await Api.WaitForAck(1);
            Assert.Contains("English", Assert.Single(Api.Sent).Str("text"));
        }

        await using var second = await BotHarness.StartAsync(Api, Temp.Database);
        // A Russian question from a Russian-speaking user: only the stored choice can make the answer English.
        Api.Enqueue(Updates.GroupText(2, group, "@ClusterBot сколько кластеров было в Корее к 2012 году?"));
        await Api.WaitForAck(2);

        var answer = Api.Sent.Last().Str("text")!;
        Assert.Contains("193", answer);
        Assert.Contains("Source:", answer);
    }

    [Fact]
    public async Task Without_lang_the_users_app_language_decides_a_command_reply()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.PrivateText(1, 5002, "/help", languageCode: "en-GB"), Updates.PrivateText(2, 5003, "/help", languageCode: "ru"));
        await Api.WaitForAck(2);

        Assert.Contains("Commands:", Api.Sent.Single(c => c.Number("chat_id") == 5002).Str("text"));
        Assert.Contains("Команды:", Api.Sent.Single(c => c.Number("chat_id") == 5003).Str("text"));
    }
}
