using ClusterBot.Testing;
using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Pipeline;

public sealed class ChatLanguageTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Lang_set_in_a_group_survives_a_restart()
    {
        const long group = -5001;
        await using (var first = await BotHarness.StartAsync(_api, _temp.Database))
        {
            _api.Enqueue(Updates.GroupText(1, group, "/lang@ClusterBot en"));
            await _api.WaitForAck(1);
            Assert.Contains("English", Assert.Single(_api.Sent).Str("text"));
        }

        await using var second = await BotHarness.StartAsync(_api, _temp.Database);
        // A Russian question from a Russian-speaking user: only the stored choice can make the answer English.
        _api.Enqueue(Updates.GroupText(2, group, "@ClusterBot сколько кластеров было в Корее к 2012 году?"));
        await _api.WaitForAck(2);

        var answer = _api.Sent.Last().Str("text")!;
        Assert.Contains("193", answer);
        Assert.Contains("Source:", answer);
    }

    [Fact]
    public async Task Without_lang_the_users_app_language_decides_a_command_reply()
    {
        await using var bot = await BotHarness.StartAsync(_api, _temp.Database);
        _api.Enqueue(Updates.PrivateText(1, 5002, "/help", languageCode: "en-GB"), Updates.PrivateText(2, 5003, "/help", languageCode: "ru"));
        await _api.WaitForAck(2);

        Assert.Contains("Commands:", _api.Sent.Single(c => c.Number("chat_id") == 5002).Str("text"));
        Assert.Contains("Команды:", _api.Sent.Single(c => c.Number("chat_id") == 5003).Str("text"));
    }
}
