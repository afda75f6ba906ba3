using ClusterBot.Testing;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Telegram.Tests.Sending;

/// <summary>The flood limits through the whole pipeline, with time moved by hand instead of slept through.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new();
    private FakeBotApi _api = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _bot = await BotHarness.StartAsync(_api, _temp.Database,
            s => s["Telegram:RateLimitingEnabled"] = "true",
            s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _api.DisposeAsync();
        _temp.Dispose();
    }

    private int SentTo(long chatId) => _api.Sent.Count(c => c.Number("chat_id") == chatId);

    [Fact]
    public async Task One_message_a_second_per_chat_queued_not_dropped()
    {
        const long chat = 6001;
        var limiter = _bot.Get<OutboundRateLimiter>();
        _api.Enqueue(Updates.PrivateText(1, chat, "/help"), Updates.PrivateText(2, chat, "/sources"), Updates.PrivateText(3, chat, "/country korea"));

        await FakeBotApi.WaitUntil(() => SentTo(chat) == 1, "the first reply");
        await FakeBotApi.WaitUntil(() => limiter.QueuedFor(chat) == 1, "the second reply to wait for its turn");
        Assert.Equal(1, SentTo(chat));

        _time.Advance(TimeSpan.FromSeconds(1));
        await FakeBotApi.WaitUntil(() => SentTo(chat) == 2, "the second reply");
        await FakeBotApi.WaitUntil(() => limiter.QueuedFor(chat) == 1, "the third reply to wait for its turn");
        Assert.Equal(2, SentTo(chat));

        _time.Advance(TimeSpan.FromSeconds(1));
        await _api.WaitForAck(3);
        Assert.Equal(3, SentTo(chat));
    }

    [Fact]
    public async Task Twenty_messages_a_minute_per_group()
    {
        const long group = -6002;
        var limiter = _bot.Get<OutboundRateLimiter>();
        _api.Enqueue(Enumerable.Range(1, 21).Select(i => Updates.GroupText(i, group, "/help")).ToArray());

        await FakeBotApi.WaitUntil(() => SentTo(group) == 1, "the first reply");
        for (var sent = 2; sent <= 20; sent++)
        {
            await FakeBotApi.WaitUntil(() => limiter.QueuedFor(group) == 1, $"reply {sent} to wait for the chat's turn");
            _time.Advance(TimeSpan.FromSeconds(1));
            await FakeBotApi.WaitUntil(() => SentTo(group) == sent, $"reply {sent}");
        }

        // t = 19 s: the chat's next turn comes at 20 s, but the group has used its minute's allowance.
        await FakeBotApi.WaitUntil(() => limiter.QueuedFor(group) == 1, "reply 21 to wait for the chat's turn");
        _time.Advance(TimeSpan.FromSeconds(1));
        await FakeBotApi.WaitUntil(() => limiter.QueuedForGroup(group) == 1, "reply 21 to wait for the group's allowance");
        for (var second = 21; second < 60; second++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(1, limiter.QueuedForGroup(group));
        }

        Assert.Equal(20, SentTo(group));
        // t = 60 s: a bare minute after the first reply is too close to Telegram's own count; the margin holds it back.
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Equal(20, SentTo(group));
        _time.Advance(OutboundRateLimiter.GroupWindowMargin);
        await _api.WaitForAck(21);
        Assert.Equal(21, SentTo(group));
    }
}
