using System.Text.Json;
using ClusterBot.Telegram.Tests.Fakes;
using ClusterBot.Testing;

namespace ClusterBot.Telegram.Tests.Pipeline;

/// <summary>The "📖 quote" button through the real client, the fake Bot API and the whole pipeline, over quoted fixture knowledge.</summary>
public sealed class CallbackQueryHandlerTests : FakeBotApiTest
{
    private readonly QuotedKnowledge _knowledge = new(withFreedonia: true);

    private Task<BotHarness> StartBotAsync() => BotHarness.StartAsync(Api, Temp.Database, s => s["Knowledge:Path"] = _knowledge.Path);

    private List<ApiCall> SentTo(long chatId) => Api.Sent.Where(c => c.Number("chat_id") == chatId).ToList();

    private static List<JsonElement> Buttons(ApiCall message) =>
        message.Obj("reply_markup")!.Value.GetProperty("inline_keyboard").EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList();

    [Fact]
    public async Task Pressing_the_quote_button_under_an_answer_shows_the_paper_s_words_and_the_citation()
    {
        await using var bot = await StartBotAsync();
        Api.Enqueue(Updates.PrivateText(1, 5001, "Сколько кластеров лесопилок в Сильвании?"));
        await Api.WaitForAck(1);

        var answer = Assert.Single(SentTo(5001));
        Assert.Contains("42", answer.Str("text"));
        var button = Assert.Single(Buttons(answer), b => b.GetProperty("text").GetString() == "📖 цитата");
        var data = button.GetProperty("callback_data").GetString()!;
        Assert.Equal("/quote sy-sawmill-clusters", data);

        Api.Enqueue(Updates.Callback(2, 5001, data));
        await Api.WaitForAck(2);

        var toast = Assert.Single(Api.Calls, c => c.Method == "answerCallbackQuery");
        Assert.Null(toast.Str("text"));
        var quote = SentTo(5001)[1].Str("text")!;
        Assert.Contains("«В стране действуют 42 кластера лесопилок»", quote);
        Assert.Contains("«созданных при поддержке государства [1].»", quote);
        Assert.EndsWith("<i>Источник: «Опыт лесных кластеров», §2.1, ссылка [1]</i>", quote);
        Assert.Null(TelegramHtmlValidator.Problem(quote));
    }

    [Fact]
    public async Task The_phases_of_a_country_offer_each_phase_s_quote_as_a_button()
    {
        await using var bot = await StartBotAsync();
        Api.Enqueue(Updates.PrivateText(1, 5002, "/phases sylvania", languageCode: "en"));
        await Api.WaitForAck(1);

        var buttons = Buttons(Assert.Single(SentTo(5002)));
        var quotes = buttons.Where(b => b.GetProperty("callback_data").GetString()!.StartsWith("/quote ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["📖 Start phase", "📖 Growth phase"], quotes.Select(b => b.GetProperty("text").GetString()));
        Assert.All(buttons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.GetProperty("callback_data").GetString()!) <= 64));
    }

    [Fact]
    public async Task A_quote_button_whose_words_are_gone_gets_the_stale_button_toast()
    {
        await using var bot = await StartBotAsync();
        Api.Enqueue(Updates.Callback(1, 5003, "/quote sy-furniture", languageCode: "en"));
        await Api.WaitForAck(1);

        Assert.Contains("out of date", Assert.Single(Api.Calls, c => c.Method == "answerCallbackQuery").Str("text"));
        Assert.Empty(SentTo(5003));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _knowledge.Dispose();
    }
}
