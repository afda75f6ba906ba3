using System.Text.Json;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Drawing;
using ClusterBot.Telegram.Tests.Fakes;
using ClusterBot.Testing;
using Microsoft.Extensions.Configuration;
using SkiaSharp;

namespace ClusterBot.Telegram.Tests.Study;

/// <summary>Study mode through the real Telegram.Bot client and the fake Bot API: quiz polls, their answers, scores, timeline photos.</summary>
public sealed class StudyModeTests : IAsyncLifetime
{
    private const long Group = -1001234567890;
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _bot = await BotHarness.StartAsync(_api, _temp.Database, services: s => s.AddTimelinePictures(new ConfigurationBuilder().Build()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    private KnowledgeIndex Index => _bot.Get<IKnowledgeSource>().Current.Index;

    [Fact]
    public async Task Quiz_in_a_group_sends_a_valid_non_anonymous_quiz_poll_and_asks_for_poll_answers()
    {
        _api.Enqueue(Updates.GroupText(1, Group, "/quiz@ClusterBot korea"));
        await FakeBotApi.WaitUntil(() => !_api.Polls.IsEmpty, "a poll");

        var (_, poll) = Assert.Single(_api.Polls);
        Assert.Equal(Group, poll.Number("chat_id"));
        Assert.Equal("quiz", poll.Str("type"));
        Assert.Equal(JsonValueKind.False, poll.Body.GetProperty("is_anonymous").ValueKind);
        var options = poll.Body.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()!).ToList();
        var correct = Assert.Single(poll.Body.GetProperty("correct_option_ids").EnumerateArray()).GetInt32();
        // The poll is one of the questions the knowledge gives, with its right option marked.
        var question = QuizGenerator.All(Index, Lang.Ru).Single(q => q.Text == poll.Str("question"));
        Assert.Equal(question.Options.Order(), options.Order());
        Assert.Equal(question.CorrectOption, options[correct]);
        Assert.Equal(question.ShortExplanation, poll.Str("explanation"));
        Assert.InRange(poll.Str("explanation")!.Length, 1, 200);
        Assert.Contains(Index.RootOf(question.About[0])!.Id, new[] { "korea" });

        var polls = _api.Calls.Where(c => c.Method == "getUpdates").Select(c => c.Obj("allowed_updates")).OfType<JsonElement>().ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, a => Assert.Contains("poll_answer", a.EnumerateArray().Select(x => x.GetString())));
    }

    [Fact]
    public async Task Two_users_poll_answers_count_once_each_in_score()
    {
        _api.Enqueue(Updates.GroupText(1, Group, "/quiz"));
        await FakeBotApi.WaitUntil(() => !_api.Polls.IsEmpty, "a poll");
        var (pollId, poll) = Assert.Single(_api.Polls);
        var correct = poll.Body.GetProperty("correct_option_ids")[0].GetInt32();
        var wrong = (correct + 1) % poll.Body.GetProperty("options").GetArrayLength();

        // Ann is right; Bob is wrong, then answers again (a client retry, a second device): only his first counts.
        _api.Enqueue(Updates.PollAnswer(2, pollId, 7001, "Ann", correct), Updates.PollAnswer(3, pollId, 7002, "Bob", wrong),
            Updates.PollAnswer(4, pollId, 7002, "Bob", correct), Updates.PollAnswer(5, pollId, 7002, "Bob"));
        await _api.WaitForAck(5);
        _api.Enqueue(Updates.GroupText(6, Group, "/score"));
        await FakeBotApi.WaitUntil(() => _api.Sent.Any(c => c.Number("chat_id") == Group), "the leaderboard");

        var board = _api.Sent.Single(c => c.Number("chat_id") == Group).Str("text")!;
        Assert.Contains("Ann: 1 из 1", board);
        Assert.Contains("Bob: 0 из 1", board);
        Assert.True(board.IndexOf("Ann", StringComparison.Ordinal) < board.IndexOf("Bob", StringComparison.Ordinal), board);
        var answers = _bot.Get<IQuizStore>().Answers("telegram", Group.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, answers.Count);
    }

    [Fact]
    public async Task An_answer_to_a_poll_that_is_not_ours_is_ignored()
    {
        _api.Enqueue(Updates.PollAnswer(1, "999", 7001, "Ann", 0));
        await _api.WaitForAck(1);
        Assert.Empty(_bot.Get<IQuizStore>().Answers("telegram", "999"));
        Assert.Empty(_api.Sent);
    }

    [Theory]
    [InlineData("ru", "Периоды по статье: Южная Корея", "Источник")]
    [InlineData("en", "Periods in the paper: South Korea", "Source")]
    public async Task Timeline_korea_sends_a_png_that_decodes_with_a_caption_in_the_chats_language(string language, string title, string source)
    {
        _api.Enqueue(Updates.GroupText(1, Group, "/timeline korea", languageCode: language));
        await FakeBotApi.WaitUntil(() => !_api.Photos.IsEmpty, "a photo");

        var (call, file) = Assert.Single(_api.Photos);
        using var bitmap = SKBitmap.Decode(file);
        Assert.NotNull(bitmap);
        Assert.Equal(new TimelineOptions().Width, bitmap.Width);
        Assert.InRange(bitmap.Height, 300, 1200);
        // Not a blank picture: the bars are drawn in colour on white.
        Assert.Contains(Enumerable.Range(0, bitmap.Width / 10).SelectMany(x => Enumerable.Range(0, bitmap.Height / 10).Select(y => bitmap.GetPixel(x * 10, y * 10))),
            p => p.Red < 100 && p.Blue > 150);
        var caption = call.Str("caption")!;
        Assert.Contains(title, caption);
        Assert.Contains(source, caption);
        Assert.Contains("§2.2", caption);
        Assert.Empty(_api.Sent);
    }
}

/// <summary>Without a usable font the timeline goes as text, and the log says why once.</summary>
public sealed class TimelineWithoutFontTests : IAsyncLifetime
{
    private const long Group = -1001234567891;
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        var settings = new Dictionary<string, string?> { ["Timeline:FontPath"] = _temp.File("no-such-font.ttf") };
        _bot = await BotHarness.StartAsync(_api, _temp.Database,
            services: s => s.AddTimelinePictures(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Timeline_is_sent_as_text_and_the_missing_font_is_logged_once()
    {
        _api.Enqueue(Updates.GroupText(1, Group, "/timeline korea"), Updates.GroupText(2, Group, "/timeline iccp"));
        await _api.WaitForDelivered(2);

        Assert.Empty(_api.Photos);
        var texts = _api.Sent.Select(c => c.Str("text")!).ToList();
        Assert.Contains(texts, t => t.Contains("Фаза роста — 2010–2012", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.Contains("§2.2", t));
        Assert.Single(_bot.Logs.Lines, l => l.Text.Contains("no usable font", StringComparison.Ordinal));
    }
}
