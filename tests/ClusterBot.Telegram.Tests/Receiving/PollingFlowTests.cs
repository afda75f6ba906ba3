using ClusterBot.Testing;
using System.Text.Json;
using ClusterBot.Core.Answering;
using ClusterBot.Telegram.Tests.Fakes;

namespace ClusterBot.Telegram.Tests.Receiving;

/// <summary>The real Telegram.Bot client polling the fake Bot API, through the whole pipeline and the real engine.</summary>
public sealed class PollingFlowTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _bot = await BotHarness.StartAsync(_api, _temp.Database);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    private List<ApiCall> SentTo(long chatId) => _api.Sent.Where(c => c.Number("chat_id") == chatId).ToList();

    [Fact]
    public async Task Start_up_reads_the_username_sets_both_menus_and_removes_the_webhook()
    {
        await FakeBotApi.WaitUntil(() => _api.Attempts("getUpdates") > 0, "polling");
        var calls = _api.Calls;
        Assert.Equal("getMe", calls[0].Method);
        var menus = calls.Where(c => c.Method == "setMyCommands").ToList();
        Assert.Contains(menus, m => m.Str("language_code") == "ru");
        Assert.Contains(menus, m => m.Str("language_code") == "en");
        foreach (var menu in menus)
        {
            var names = menu.Body.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("command").GetString()).ToList();
            Assert.Equal(CommandTable.Listed.Select(c => c.Name), names);
        }

        var russian = menus.First(m => m.Str("language_code") == "ru").Body.GetProperty("commands")[0].GetProperty("description").GetString();
        Assert.Contains("приветствие", russian);
        Assert.Contains(calls, c => c.Method == "deleteWebhook");
        Assert.DoesNotContain(calls, c => c.Method == "setWebhook");
    }

    [Fact]
    public async Task A_private_question_gets_a_cited_html_answer_without_link_preview()
    {
        _api.Enqueue(Updates.PrivateText(1, 1001, "Сколько кластеров было в Корее к 2012 году?"));
        await _api.WaitForAck(1);

        var sent = Assert.Single(SentTo(1001));
        var text = sent.Str("text")!;
        Assert.Contains("193", text);
        Assert.Contains("<i>Источник", text);
        Assert.Equal("HTML", sent.Str("parse_mode"), ignoreCase: true);
        Assert.True(sent.Obj("link_preview_options")!.Value.GetProperty("is_disabled").GetBoolean());
        Assert.Null(sent.Obj("reply_parameters"));
    }

    [Fact]
    public async Task A_country_overview_comes_with_follow_up_buttons()
    {
        _api.Enqueue(Updates.PrivateText(1, 1002, "/country korea", languageCode: "en"));
        await _api.WaitForAck(1);

        var sent = Assert.Single(SentTo(1002));
        var buttons = sent.Obj("reply_markup")!.Value.GetProperty("inline_keyboard").EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b =>
        {
            var data = b.GetProperty("callback_data").GetString()!;
            Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= 64);
            Assert.True(data.All(char.IsAscii));
        });
    }

    [Fact]
    public async Task User_text_with_html_specials_is_escaped_into_valid_telegram_html()
    {
        // The fake answers invalid HTML with a 400, as Telegram does, so an unescaped reply would never arrive.
        _api.Enqueue(Updates.PrivateText(1, 1003, "/country <script>alert('x')</script> & <b>"));
        await _api.WaitForAck(1);

        var text = Assert.Single(SentTo(1003)).Str("text")!;
        Assert.Contains("&lt;script&gt;", text);
        Assert.DoesNotContain("<script>", text);
        Assert.Null(TelegramHtmlValidator.Problem(text));
    }

    [Fact]
    public async Task A_sticker_gets_a_one_line_hint_in_private_and_silence_in_a_group()
    {
        _api.Enqueue(Updates.Sticker(1, 1004), Updates.Sticker(2, -1004, group: true), Updates.GroupText(3, -1004, "/help"));
        await _api.WaitForAck(3);

        var hint = Assert.Single(SentTo(1004)).Str("text")!;
        Assert.DoesNotContain("\n", hint);
        Assert.Contains("text", hint);
        var group = Assert.Single(SentTo(-1004));
        Assert.Equal(30, group.Obj("reply_parameters")!.Value.GetProperty("message_id").GetInt32());
    }

    [Fact]
    public async Task In_a_group_only_commands_mentions_and_replies_to_the_bot_are_answered()
    {
        const long group = -100777;
        _api.Enqueue(
            Updates.GroupText(1, group, "anyone read the paper on clusters?", messageId: 10),
            Updates.GroupText(2, group, "/country@OtherBot korea", messageId: 20),
            Updates.GroupText(3, group, "/country@ClusterBot korea", messageId: 30),
            Updates.GroupText(4, group, "@ClusterBot что такое TORCH?", messageId: 40),
            Updates.GroupText(5, group, "а в Китае?", messageId: 50, replyToBot: true),
            Updates.GroupText(6, group, "thanks all", messageId: 60));
        await _api.WaitForAck(6);

        var replies = SentTo(group);
        Assert.Equal([30, 40, 50], replies.Select(r => r.Obj("reply_parameters")!.Value.GetProperty("message_id").GetInt32()));
        Assert.Contains("Корея", replies[0].Str("text"));
        Assert.Contains("TORCH", replies[1].Str("text"));
    }

    [Fact]
    public async Task A_follow_up_button_is_answered_and_its_command_sent_as_a_reply()
    {
        _api.Enqueue(Updates.Callback(1, 1005, "/country korea", languageCode: "en"));
        await _api.WaitForAck(1);

        var answer = Assert.Single(_api.Calls, c => c.Method == "answerCallbackQuery");
        Assert.Equal("cb1", answer.Str("callback_query_id"));
        Assert.Null(answer.Str("text"));
        Assert.Contains("Korea", Assert.Single(SentTo(1005)).Str("text"));
    }

    [Theory]
    [InlineData("v1:some-old-format")]
    [InlineData("/fact no-such-fact-any-more")]
    public async Task A_stale_button_gets_a_polite_toast_and_no_message(string data)
    {
        _api.Enqueue(Updates.Callback(1, 1006, data, languageCode: "en"));
        await _api.WaitForAck(1);

        var answer = Assert.Single(_api.Calls, c => c.Method == "answerCallbackQuery");
        Assert.Contains("out of date", answer.Str("text"));
        Assert.Empty(SentTo(1006));
    }

    [Fact]
    public async Task An_inline_query_offers_up_to_ten_html_articles()
    {
        _api.Enqueue(Updates.Inline(1, "torch"));
        await _api.WaitForAck(1);

        var call = Assert.Single(_api.Calls, c => c.Method == "answerInlineQuery");
        Assert.Equal("iq1", call.Str("inline_query_id"));
        var results = call.Body.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 10);
        Assert.Equal(results.Count, results.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.All(results, r =>
        {
            Assert.Equal("article", r.GetProperty("type").GetString());
            var content = r.GetProperty("input_message_content");
            Assert.Equal("HTML", content.GetProperty("parse_mode").GetString(), ignoreCase: true);
            Assert.Null(TelegramHtmlValidator.Problem(content.GetProperty("message_text").GetString()!));
        });
        Assert.Contains("TORCH", results[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Inline_results_in_the_users_language_are_cached_for_that_user_only()
    {
        // The empty query offers the topics in the asker's language.
        _api.Enqueue(Updates.Inline(1, "", languageCode: "en"), Updates.Inline(2, "", languageCode: "ru"));
        await _api.WaitForAck(2);

        var answers = _api.Calls.Where(c => c.Method == "answerInlineQuery").ToList();
        Assert.Equal(2, answers.Count);
        Assert.NotEqual(answers[0].Body.GetProperty("results").ToString(), answers[1].Body.GetProperty("results").ToString());
        Assert.All(answers, a => Assert.True(a.Body.GetProperty("is_personal").GetBoolean()));
    }

    [Fact]
    public async Task Inline_results_the_same_for_everyone_may_be_shared()
    {
        _api.Enqueue(Updates.Inline(1, "torch", languageCode: "en"), Updates.Inline(2, "torch", languageCode: "ru"));
        await _api.WaitForAck(2);

        var answers = _api.Calls.Where(c => c.Method == "answerInlineQuery").ToList();
        Assert.Equal(answers[0].Body.GetProperty("results").ToString(), answers[1].Body.GetProperty("results").ToString());
        Assert.All(answers, a => Assert.False(a.Body.TryGetProperty("is_personal", out var p) && p.GetBoolean()));
    }
}
