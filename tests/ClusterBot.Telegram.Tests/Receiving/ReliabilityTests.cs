using ClusterBot.Testing;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Telegram.Tests.Receiving;

/// <summary>Nothing lost, nothing doubled: Bot API errors, handler failures, crashes and shutdowns.</summary>
public sealed class ReliabilityTests : FakeBotApiTest
{
    [Fact]
    public async Task A_429_is_waited_out_and_the_reply_sent_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        Api.Enqueue(Updates.PrivateText(1, 2001, "/country korea"));
        await Api.WaitForAck(1);

        Assert.Equal(2, Api.Attempts("sendMessage"));
        Assert.Single(Api.Sent);
        Assert.True(bot.Logs.Any("waiting 1 s"));
    }

    [Fact]
    public async Task A_500_is_retried_and_the_reply_sent_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Fail("sendMessage", 500, "Internal Server Error");
        Api.Enqueue(Updates.PrivateText(1, 2002, "/country korea"));
        await Api.WaitForAck(1);

        Assert.Equal(2, Api.Attempts("sendMessage"));
        Assert.Single(Api.Sent);
    }

    [Fact]
    public async Task A_proxy_502_page_is_logged_as_an_http_502_and_retried()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.FailWithPage("sendMessage", 502, "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>");
        Api.Enqueue(Updates.PrivateText(1, 2010, "/country korea"));
        await Api.WaitForAck(1);

        Assert.Equal(2, Api.Attempts("sendMessage"));
        Assert.Single(Api.Sent);
        Assert.True(bot.Logs.Any("HTTP 502 from the Bot API (non-JSON body)"), bot.Logs.All);
        Assert.False(bot.Logs.Any("deserialization"), bot.Logs.All);
    }

    [Fact]
    public async Task A_send_whose_connection_drops_before_the_answer_is_retried_and_the_reply_sent_exactly_once()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Drop("sendMessage");
        Api.Enqueue(Updates.PrivateText(1, 2009, "/country korea"));
        await Api.WaitForAck(1);

        Assert.Equal(2, Api.Attempts("sendMessage"));
        Assert.Single(Api.Sent);
        Assert.False(bot.Logs.Any("Reply to update 1 lost"), bot.Logs.All);
    }

    [Fact]
    public async Task A_reply_that_keeps_failing_is_logged_with_its_update_id_counted_and_the_loop_goes_on()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s => s["Telegram:MaxTransientRetries"] = "2");
        using var lost = new CounterProbe(bot.Services, "telegram.replies.lost.total");
        Api.Fail("sendMessage", 502, "Bad Gateway", times: 3);
        Api.Enqueue(Updates.PrivateText(41, 2003, "/country korea"));
        await Api.WaitForAck(41);
        Api.Enqueue(Updates.PrivateText(42, 2003, "/country china"));
        await Api.WaitForAck(42);

        Assert.Equal(3 + 1, Api.Attempts("sendMessage"));
        Assert.Contains("Китай", Assert.Single(Api.Sent).Str("text"));
        Assert.True(bot.Logs.Any("Reply to update 41 lost"), bot.Logs.All);
        Assert.Equal(1, lost.Total);
    }

    [Fact]
    public async Task An_update_that_cannot_be_read_is_skipped_and_the_updates_beside_it_are_answered()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        var unreadable = Updates.PrivateText(2, 2011, "/country china");
        // A date no DateTime can hold: the library's converter throws on it.
        unreadable["message"]!["date"] = 99_999_999_999_999;
        Api.Enqueue(Updates.PrivateText(1, 2010, "/country korea"), unreadable, Updates.PrivateText(3, 2012, "/country germany"));
        await Api.WaitForAck(3);

        Assert.Equal([2010L, 2012L], Api.Sent.Select(c => c.Number("chat_id") ?? 0).Order());
        Assert.True(bot.Logs.Any("Skipped update 2"), bot.Logs.All);
    }

    [Fact]
    public async Task A_handler_exception_is_logged_the_user_gets_an_apology_and_the_next_update_is_answered()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, services: s =>
            s.AddSingleton<IAnswerEngine>(sp => new ExplodingEngine(ActivatorUtilities.CreateInstance<AnswerEngine>(sp))));
        Api.Enqueue(Updates.PrivateText(1, 2004, "boom"), Updates.PrivateText(2, 2005, "/country korea"));
        await Api.WaitForAck(2);

        Assert.True(bot.Logs.Any("Answering telegram message 1 failed"), bot.Logs.All);
        Assert.True(bot.Logs.Any("engine failure for the test"), bot.Logs.All);
        // The user hears that something went wrong, never what.
        var apology = Api.Sent.Single(c => c.Number("chat_id") == 2004).Str("text")!;
        Assert.DoesNotContain("engine failure", apology, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", apology, StringComparison.Ordinal);
        Assert.Single(Api.Sent, c => c.Number("chat_id") == 2005);
    }

    [Fact]
    public async Task A_reply_sent_before_a_crash_is_not_sent_again_after_restart()
    {
        // The acknowledgement never reaches Telegram: as if the process died right after sending.
        Api.LoseAcknowledgements = true;
        await using (var first = await BotHarness.StartAsync(Api, Temp.Database))
        {
            Api.Enqueue(Updates.PrivateText(1, 2006, "/country korea"));
            await FakeBotApi.WaitUntil(() => !Api.Sent.IsEmpty, "the first reply");
        }

        Api.LoseAcknowledgements = false;
        await using var second = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.PrivateText(2, 2006, "/country china"));
        await Api.WaitForAck(2);

        // Update 1 came again (its acknowledgement was lost); the ledger knew it was answered.
        Assert.Equal(2, Api.Sent.Count);
        Assert.Single(Api.Sent, c => c.Str("text")!.Contains("Китай", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_claimed_by_a_process_that_died_is_answered_after_restart()
    {
        // The predecessor claimed update 1 in the ledger and died before replying or acknowledging.
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(BotHarness.Settings(Api, Temp.Database)).Build();
        using (var store = new ServiceCollection().AddLogging().AddClusterBotStoreFor(config).BuildServiceProvider())
        {
            Assert.True(store.GetRequiredService<IUpdateLedger>().TryBegin("telegram", "1"));
        }

        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.PrivateText(1, 2007, "/country korea"));
        await Api.WaitForAck(1);

        Assert.Single(Api.Sent);
    }

    [Fact]
    public async Task Shutdown_mid_reply_hands_the_update_back_and_the_next_run_answers_it_once()
    {
        Api.DeliverAtMost = 0;
        var first = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.PrivateText(1, 2008, "/country korea"));
        await FakeBotApi.WaitUntil(() => Api.Attempts("sendMessage") == 1, "the reply in flight");

        var stopping = Stopwatch.StartNew();
        await first.DisposeAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopped in {stopping.Elapsed}");
        // Acknowledged as soon as it was in the inbox, where the interrupted update waits for the next run.
        Assert.True(Api.AckedBelow > 1, $"acknowledged below {Api.AckedBelow}");
        Assert.Empty(Api.Sent);

        Api.DeliverAtMost = null;
        await using var second = await BotHarness.StartAsync(Api, Temp.Database);
        await Api.WaitForAck(1);
        Assert.Single(Api.Sent);
    }

    [Fact]
    public async Task An_update_a_crashed_process_left_in_the_inbox_is_answered_at_the_next_start()
    {
        // The predecessor wrote update 7 to the inbox, acknowledged it (Telegram will never send it again) and died.
        var config = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(BotHarness.Settings(Api, Temp.Database)).Build();
        using (var store = new ServiceCollection().AddLogging().AddClusterBotStoreFor(config).BuildServiceProvider())
        {
            Assert.True(store.GetRequiredService<IUpdateInbox>().Add("telegram", "7", "2011", Updates.PrivateText(7, 2011, "/country korea").ToJsonString()));
        }

        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        await FakeBotApi.WaitUntil(() => !Api.Sent.IsEmpty, "the reply from the inbox");

        Assert.Equal(2011, Assert.Single(Api.Sent).Number("chat_id"));
    }

    [Fact]
    public async Task Polling_acknowledges_an_update_once_it_is_in_the_inbox_not_once_it_is_answered()
    {
        Api.DeliverAtMost = 0;
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database);
        Api.Enqueue(Updates.PrivateText(1, 2012, "/country korea"));
        await FakeBotApi.WaitUntil(() => Api.Held == 1, "the reply in flight");
        await FakeBotApi.WaitUntil(() => Api.AckedBelow > 1, "the acknowledgement while the reply is still in flight");

        Assert.Equal(1, bot.Get<IUpdateInbox>().Count("telegram"));
        Api.DeliverAtMost = null;
    }

    private sealed class ExplodingEngine(IAnswerEngine inner) : IAnswerEngine
    {
        public Reply Answer(Question question) =>
            question.Text == "boom" ? throw new InvalidOperationException("engine failure for the test") : inner.Answer(question);
    }
}

/// <summary>Sums one counter of a host's own "ClusterBot" meter (meters of hosts in other tests are ignored).</summary>
public sealed class CounterProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterProbe(IServiceProvider services, string name)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == name && ReferenceEquals(instrument.Meter.Scope, factory)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}

internal static class StoreOnly
{
    /// <summary>Just the SQLite store, as another process would open the same file.</summary>
    public static IServiceCollection AddClusterBotStoreFor(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) =>
        ClusterBot.Data.DataServiceCollectionExtensions.AddClusterBotStore(services, config);
}
