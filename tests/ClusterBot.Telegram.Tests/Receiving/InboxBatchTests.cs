using ClusterBot.Core.Abstractions;
using ClusterBot.Data;
using ClusterBot.Testing;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Telegram.Tests.Receiving;

/// <summary>
/// Polling writes what one getUpdates call brought to the store's inbox at once, on either engine: one batch, one
/// transaction, and an update the store refuses is set aside without holding back the updates beside it.
/// </summary>
public sealed class InboxBatchTests : FakeBotApiTest
{
    private PostgresTestDatabase? _postgres;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _postgres?.Dispose();
    }

    private Task<BotHarness> StartAsync(string engine, string? poisoned = null, Action<IServiceCollection>? services = null) =>
        BotHarness.StartAsync(Api, Temp.Database, s =>
        {
            if (engine != "postgres") return;
            _postgres = new PostgresTestDatabase();
            s["Storage:Provider"] = "Postgres";
            s["Storage:ConnectionString"] = _postgres.ConnectionString;
        }, s =>
        {
            s.AddSingleton<IUpdateInbox>(sp => new RecordingInbox(sp.GetRequiredService<UpdateInbox>(), poisoned));
            services?.Invoke(s);
        });

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_update_from_the_inbox_is_not_claimed_in_the_ledger_and_ends_in_one_store_call_with_its_outcome(string engine)
    {
        await using var bot = await StartAsync(engine, services: s => s.AddSingleton<IUpdateLedger>(sp => new CountingLedger(sp.GetRequiredService<UpdateLedger>())));
        var inbox = (RecordingInbox)bot.Get<IUpdateInbox>();
        Api.Enqueue([.. Enumerable.Range(1, 3).Select(id => Updates.PrivateText(id, 3400 + id, "/help"))]);
        await Api.WaitForAck(3);
        await FakeBotApi.WaitUntil(() => inbox.Finished.Count == 3, "the three updates finished");

        Assert.Equal(3, Api.Sent.Count);
        Assert.Equal(0, ((CountingLedger)bot.Get<IUpdateLedger>()).Writes);
        Assert.All(inbox.Finished, f => Assert.Equal(ClusterBot.Core.Conversations.ConversationOutcome.Sent, f.Outcome));
        Assert.Equal(0, inbox.Dones);
        Assert.Equal(0, inbox.Count("telegram"));
        var ledger = bot.Get<IUpdateLedger>();
        Assert.All(["1", "2", "3"], id => Assert.True(ledger.IsCompleted("telegram", id)));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_updates_of_one_getUpdates_call_are_written_in_one_batch_and_none_one_by_one(string engine)
    {
        await using var bot = await StartAsync(engine);
        var inbox = (RecordingInbox)bot.Get<IUpdateInbox>();
        Api.Enqueue([.. Enumerable.Range(1, 5).Select(id => Updates.PrivateText(id, 3100 + id, "/help"))]);
        await Api.WaitForAck(5);

        Assert.Equal([5], inbox.Batches);
        Assert.Equal(0, inbox.SingleAdds);
        Assert.Equal(5, Api.Sent.Count);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_update_the_store_refuses_is_set_aside_and_logged_and_the_updates_beside_it_are_answered(string engine)
    {
        await using var bot = await StartAsync(engine, poisoned: "2");
        Api.Enqueue(Updates.PrivateText(1, 3201, "/country korea"), Updates.PrivateText(2, 3202, "/country china"), Updates.PrivateText(3, 3203, "/country germany"));
        await Api.WaitForAck(3);

        Assert.Equal([3201L, 3203L], Api.Sent.Select(c => c.Number("chat_id") ?? 0).Order());
        Assert.True(bot.Logs.Any("Update 2 was refused by the store's inbox"), bot.Logs.All);
        Assert.Equal(0, bot.Get<IUpdateInbox>().Count("telegram"));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_update_answered_before_its_acknowledgement_was_lost_is_not_queued_again(string engine)
    {
        await using var bot = await StartAsync(engine);
        var ledger = bot.Get<IUpdateLedger>();
        ledger.TryBegin("telegram", "1");
        ledger.Complete("telegram", "1", ClusterBot.Core.Conversations.ConversationOutcome.Sent);
        Api.Enqueue(Updates.PrivateText(1, 3301, "/country korea"), Updates.PrivateText(2, 3302, "/country china"));
        await Api.WaitForAck(2);

        Assert.Equal(3302, Assert.Single(Api.Sent).Number("chat_id"));
    }

    /// <summary>The real inbox, counting how updates reach it, and spoiling one update's row so that the store refuses it.</summary>
    private sealed class RecordingInbox(UpdateInbox inner, string? poisoned) : IUpdateInbox
    {
        private readonly List<int> _batches = [];
        private readonly List<(string, ClusterBot.Core.Conversations.ConversationOutcome?)> _finished = [];
        private int _singleAdds;
        private int _dones;

        public IReadOnlyList<int> Batches
        {
            get
            {
                lock (_batches) return [.. _batches];
            }
        }

        public int SingleAdds => Volatile.Read(ref _singleAdds);

        // A row with no payload breaks the table's NOT NULL: refused by the engine itself, as a poisoned update would be.
        private string Spoil(string updateId, string payload) => updateId == poisoned ? null! : payload;

        public bool Add(string platform, string updateId, string chatKey, string payload)
        {
            Interlocked.Increment(ref _singleAdds);
            return inner.Add(platform, updateId, chatKey, Spoil(updateId, payload));
        }

        public IReadOnlyList<InboxAddResult> AddBatch(string platform, IReadOnlyList<InboxEntry> entries, int capacity)
        {
            lock (_batches) _batches.Add(entries.Count);
            return inner.AddBatch(platform, [.. entries.Select(e => e with { Payload = Spoil(e.UpdateId, e.Payload) })], capacity);
        }

        public InboxItem? TryTakeNext(string platform) => inner.TryTakeNext(platform);

        public IReadOnlyList<InboxItem> TakeNext(string platform, int max) => inner.TakeNext(platform, max);

        public IReadOnlyList<(string UpdateId, ClusterBot.Core.Conversations.ConversationOutcome? Outcome)> Finished
        {
            get
            {
                lock (_finished) return [.. _finished];
            }
        }

        public int Dones => Volatile.Read(ref _dones);

        public void Done(InboxItem item)
        {
            Interlocked.Increment(ref _dones);
            inner.Done(item);
        }

        public void Finish(InboxItem item, ClusterBot.Core.Conversations.ConversationOutcome? outcome)
        {
            inner.Finish(item, outcome);
            lock (_finished) _finished.Add((item.UpdateId, outcome));
        }

        public void Release(InboxItem item, TimeSpan delay) => inner.Release(item, delay);

        public int ReleaseAll(string platform) => inner.ReleaseAll(platform);

        public int Count(string platform) => inner.Count(platform);
    }

    /// <summary>The real ledger, counting what is written to it.</summary>
    private sealed class CountingLedger(UpdateLedger inner) : IUpdateLedger
    {
        private int _writes;

        public int Writes => Volatile.Read(ref _writes);

        public bool TryBegin(string platform, string updateId)
        {
            Interlocked.Increment(ref _writes);
            return inner.TryBegin(platform, updateId);
        }

        public bool IsCompleted(string platform, string updateId) => inner.IsCompleted(platform, updateId);

        public void Complete(string platform, string updateId, ClusterBot.Core.Conversations.ConversationOutcome outcome)
        {
            Interlocked.Increment(ref _writes);
            inner.Complete(platform, updateId, outcome);
        }

        public void Abandon(string platform, string updateId)
        {
            Interlocked.Increment(ref _writes);
            inner.Abandon(platform, updateId);
        }

        public int Prune(TimeSpan olderThan) => inner.Prune(olderThan);
    }
}
