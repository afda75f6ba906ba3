using ClusterBot.Core.Conversations;
using System.Collections.Concurrent;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data.Analytics;
using ClusterBot.Data.State;
using ClusterBot.Data.Study;
using ClusterBot.Core.Study;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Data.Tests.State;

/// <summary>
/// What every engine of the state database must do, run once per engine (see the subclasses at the end): the
/// handled-update ledger with its leases, the inbox with per-chat order, chat settings, the question log and its
/// reports, and the migrations. Several "instances" here are several connection pools with their own owner ids on
/// the same database, as processes behind a balancer are.
/// </summary>
public abstract class StateStoreContract : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private TestDatabases? _databases;

    protected abstract TestDatabases CreateDatabases();

    private TestDatabases Databases => _databases ??= CreateDatabases();

    public void Dispose()
    {
        _databases?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed record Instance(StateDatabase Database, StoreInstance Owner, UpdateLedger Ledger, UpdateInbox Inbox);

    private Instance NewInstance(string name)
    {
        var database = Databases.Open();
        var owner = new StoreInstance(name, Lease);
        return new Instance(database, owner, new UpdateLedger(database, owner, _time), new UpdateInbox(database, owner, _time));
    }

    // ---- the handled-update ledger

    [SkippableFact]
    public void An_update_is_claimed_once_even_after_completion()
    {
        var a = NewInstance("a");
        Assert.True(a.Ledger.TryBegin("telegram", "1"));
        Assert.False(a.Ledger.TryBegin("telegram", "1"));
        Assert.False(a.Ledger.IsCompleted("telegram", "1"));
        a.Ledger.Complete("telegram", "1", ConversationOutcome.Sent);
        Assert.True(a.Ledger.IsCompleted("telegram", "1"));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(a.Ledger.TryBegin("telegram", "1"));
        Assert.True(a.Ledger.TryBegin("discord", "1"));
    }

    [SkippableFact]
    public void A_claim_whose_lease_ran_out_is_taken_over_by_another_instance_and_a_renewed_one_is_not()
    {
        var dead = NewInstance("dead");
        var live = NewInstance("live");
        var other = NewInstance("other");
        Assert.True(dead.Ledger.TryBegin("telegram", "7"));
        Assert.True(live.Ledger.TryBegin("telegram", "8"));

        // The live instance renews, the dead one cannot.
        _time.Advance(Lease - TimeSpan.FromSeconds(5));
        Assert.Equal(1, live.Ledger.RenewLeases());
        Assert.False(other.Ledger.TryBegin("telegram", "7"));
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.True(other.Ledger.TryBegin("telegram", "7"));
        Assert.False(other.Ledger.TryBegin("telegram", "8"));
        Assert.False(live.Ledger.TryBegin("telegram", "7"));
        // The new owner renews it now; the old one's renewals (were it only slow) no longer touch it.
        Assert.Equal(0, dead.Ledger.RenewLeases());
        Assert.Equal(1, other.Ledger.RenewLeases());
    }

    [SkippableFact]
    public void An_abandoned_claim_can_be_handled_again()
    {
        var a = NewInstance("a");
        Assert.True(a.Ledger.TryBegin("telegram", "9"));
        a.Ledger.Abandon("telegram", "9");
        Assert.True(NewInstance("b").Ledger.TryBegin("telegram", "9"));
    }

    [SkippableFact]
    public void Concurrent_claims_from_several_instances_let_exactly_one_win()
    {
        var instances = Enumerable.Range(0, 4).Select(i => NewInstance("i" + i)).ToArray();
        foreach (var i in instances) i.Database.EnsureMigrated();
        for (var round = 0; round < 5; round++)
        {
            var winners = 0;
            var id = "race-" + round;
            Parallel.For(0, 16, n =>
            {
                if (instances[n % instances.Length].Ledger.TryBegin("telegram", id)) Interlocked.Increment(ref winners);
            });
            Assert.Equal(1, winners);
        }
    }

    [SkippableFact]
    public void Prune_forgets_old_entries_only()
    {
        var a = NewInstance("a");
        a.Ledger.TryBegin("telegram", "old");
        a.Ledger.Complete("telegram", "old", ConversationOutcome.Sent);
        _time.Advance(TimeSpan.FromDays(2));
        a.Ledger.TryBegin("telegram", "new");
        Assert.Equal(1, a.Ledger.Prune(TimeSpan.FromDays(1)));
        Assert.True(a.Ledger.TryBegin("telegram", "old"));
        Assert.False(a.Ledger.TryBegin("telegram", "new"));
    }

    // ---- the inbox

    [SkippableFact]
    public void A_poller_at_its_start_takes_over_what_a_crashed_predecessor_held_without_waiting_out_its_lease()
    {
        var dead = NewInstance("dead");
        var next = NewInstance("next");
        dead.Inbox.Add("telegram", "1", "42", "{\"update_id\":1}");
        dead.Inbox.Add("discord", "2", "43", "{}");
        Assert.NotNull(dead.Inbox.TryTakeNext("telegram"));
        Assert.NotNull(dead.Inbox.TryTakeNext("discord"));
        Assert.Null(next.Inbox.TryTakeNext("telegram"));

        Assert.Equal(1, next.Inbox.ReleaseAll("telegram"));

        Assert.Equal("1", next.Inbox.TryTakeNext("telegram")?.UpdateId);
        // Another platform's leases are not the poller's to take.
        Assert.Null(next.Inbox.TryTakeNext("discord"));
    }

    [SkippableFact]
    public void A_retried_delivery_is_stored_once()
    {
        var a = NewInstance("a");
        var b = NewInstance("b");
        Assert.True(a.Inbox.Add("telegram", "1", "42", "{\"update_id\":1}"));
        Assert.False(b.Inbox.Add("telegram", "1", "42", "{\"update_id\":1}"));
        Assert.Equal(1, a.Inbox.Count("telegram"));
        Assert.Equal(0, a.Inbox.Count("discord"));
        var item = Assert.IsType<InboxItem>(b.Inbox.TryTakeNext("telegram"));
        Assert.Equal(("1", "42", "{\"update_id\":1}"), (item.UpdateId, item.ChatKey, item.Payload));
    }

    [SkippableFact]
    public void A_chats_updates_are_taken_one_at_a_time_in_arrival_order_while_other_chats_go_on()
    {
        var a = NewInstance("a");
        var b = NewInstance("b");
        a.Inbox.Add("telegram", "1", "chat-a", "a1");
        a.Inbox.Add("telegram", "2", "chat-a", "a2");
        b.Inbox.Add("telegram", "3", "chat-b", "b1");

        var first = a.Inbox.TryTakeNext("telegram");
        Assert.Equal("a1", first?.Payload);
        // Chat A is busy on instance a: instance b gets chat B, and then nothing, not a2.
        Assert.Equal("b1", b.Inbox.TryTakeNext("telegram")?.Payload);
        Assert.Null(b.Inbox.TryTakeNext("telegram"));
        Assert.Null(a.Inbox.TryTakeNext("telegram"));

        a.Inbox.Done(first!);
        Assert.Equal("a2", b.Inbox.TryTakeNext("telegram")?.Payload);
        Assert.Equal(2, a.Inbox.Count("telegram"));
    }

    [SkippableFact]
    public void An_update_taken_by_an_instance_that_died_is_taken_over_after_its_lease_and_a_renewed_one_is_not()
    {
        var dead = NewInstance("dead");
        var live = NewInstance("live");
        dead.Inbox.Add("telegram", "1", "chat-a", "a1");
        dead.Inbox.Add("telegram", "2", "chat-b", "b1");
        var orphan = dead.Inbox.TryTakeNext("telegram")!;
        var kept = live.Inbox.TryTakeNext("telegram")!;

        _time.Advance(Lease - TimeSpan.FromSeconds(5));
        Assert.Equal(1, live.Inbox.RenewLeases());
        Assert.Null(live.Inbox.TryTakeNext("telegram"));
        _time.Advance(TimeSpan.FromSeconds(10));

        var taken = live.Inbox.TryTakeNext("telegram");
        Assert.Equal(orphan.Seq, taken?.Seq);
        // The dead instance's late Done (it was only slow) does not remove what is now another's.
        dead.Inbox.Done(orphan);
        Assert.Equal(2, live.Inbox.Count("telegram"));
        live.Inbox.Done(taken!);
        live.Inbox.Done(kept);
        Assert.Equal(0, live.Inbox.Count("telegram"));
    }

    [SkippableFact]
    public void A_released_update_waits_out_its_delay_and_holds_its_chat_back_meanwhile()
    {
        var a = NewInstance("a");
        a.Inbox.Add("telegram", "1", "chat-a", "a1");
        a.Inbox.Add("telegram", "2", "chat-a", "a2");
        var item = a.Inbox.TryTakeNext("telegram")!;
        a.Inbox.Release(item, TimeSpan.FromSeconds(1));
        Assert.Null(NewInstance("b").Inbox.TryTakeNext("telegram"));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("a1", NewInstance("b").Inbox.TryTakeNext("telegram")?.Payload);
    }

    [SkippableFact]
    public void Instances_taking_at_once_handle_every_update_once_and_each_chat_in_order_one_at_a_time()
    {
        const int chats = 8, perChat = 12;
        var instances = Enumerable.Range(0, 3).Select(i => NewInstance("i" + i)).ToArray();
        foreach (var i in instances) i.Database.EnsureMigrated();
        var id = 0;
        for (var n = 0; n < perChat; n++)
        {
            for (var chat = 0; chat < chats; chat++)
            {
                id++;
                instances[id % instances.Length].Inbox.Add("telegram", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "chat-" + chat, $"{chat}:{n}");
            }
        }

        var handled = new ConcurrentQueue<string>();
        var busy = new ConcurrentDictionary<string, bool>();
        var overlaps = 0;
        var workers = instances.SelectMany(instance => Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (instance.Inbox.TryTakeNext("telegram") is { } item)
            {
                if (!busy.TryAdd(item.ChatKey, true)) Interlocked.Increment(ref overlaps);
                handled.Enqueue(item.Payload);
                busy.TryRemove(item.ChatKey, out bool _);
                instance.Inbox.Done(item);
            }
        }))).ToArray();
        Assert.True(Task.WaitAll(workers, TimeSpan.FromSeconds(60)), "the workers did not finish");

        Assert.Equal(0, overlaps);
        Assert.Equal(chats * perChat, handled.Count);
        Assert.Equal(chats * perChat, handled.Distinct().Count());
        foreach (var chat in Enumerable.Range(0, chats))
        {
            var order = handled.Where(p => p.StartsWith($"{chat}:", StringComparison.Ordinal)).Select(p => int.Parse(p[(p.IndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(0, perChat), order);
        }

        Assert.Equal(0, instances[0].Inbox.Count("telegram"));
    }

    private static InboxEntry Entry(int id, string chat, string? payload = null) =>
        new(id.ToString(System.Globalization.CultureInfo.InvariantCulture), chat, payload ?? $"{{\"update_id\":{id}}}");

    [SkippableFact]
    public void A_batch_is_written_in_order_skipping_what_already_waits_and_what_the_ledger_says_was_answered()
    {
        var a = NewInstance("a");
        a.Inbox.Add("telegram", "1", "chat-a", "{\"update_id\":1}");
        a.Ledger.TryBegin("telegram", "2");
        a.Ledger.Complete("telegram", "2", ConversationOutcome.Sent);
        // Claimed but not finished: someone may still be answering it, so it is queued, and the pipeline decides.
        a.Ledger.TryBegin("telegram", "4");

        var results = a.Inbox.AddBatch("telegram", [Entry(1, "chat-a"), Entry(2, "chat-a"), Entry(3, "chat-b"), Entry(4, "chat-a")], capacity: 100);

        Assert.Equal([InboxAddResult.Skipped, InboxAddResult.Skipped, InboxAddResult.Added, InboxAddResult.Added], results);
        Assert.Equal(3, a.Inbox.Count("telegram"));
        Assert.Equal(["1", "3"], a.Inbox.TakeNext("telegram", 10).Select(i => i.UpdateId));
    }

    [SkippableFact]
    public void Finishing_an_update_records_how_it_ended_and_lets_its_chat_go_on_claimed_or_not()
    {
        var a = NewInstance("a");
        var crashed = NewInstance("crashed");
        a.Inbox.Add("telegram", "1", "chat-a", "a1");
        a.Inbox.Add("telegram", "2", "chat-a", "a2");
        // Update 2 was claimed in the ledger by an instance that died (an older version claimed what it took).
        Assert.True(crashed.Ledger.TryBegin("telegram", "2"));

        var first = a.Inbox.TryTakeNext("telegram")!;
        a.Inbox.Finish(first, ConversationOutcome.Sent);

        Assert.True(a.Ledger.IsCompleted("telegram", "1"));
        Assert.False(a.Ledger.TryBegin("telegram", "1"));
        Assert.Equal(1, a.Inbox.Count("telegram"));
        var second = a.Inbox.TryTakeNext("telegram")!;
        Assert.Equal("a2", second.Payload);

        a.Inbox.Finish(second, ConversationOutcome.Failed);

        Assert.True(a.Ledger.IsCompleted("telegram", "2"));
        Assert.Equal(0, crashed.Ledger.RenewLeases()); // the claim is over: no owner, no lease
        Assert.Equal(0, a.Inbox.Count("telegram"));
        // Delivered again (an acknowledgement lost), neither is queued again.
        Assert.Equal([InboxAddResult.Skipped, InboxAddResult.Skipped], a.Inbox.AddBatch("telegram", [Entry(1, "chat-a"), Entry(2, "chat-a")], capacity: 100));
    }

    [SkippableFact]
    public void Finishing_an_update_without_an_outcome_only_removes_it()
    {
        var a = NewInstance("a");
        a.Inbox.Add("telegram", "1", "chat-a", "a1");
        a.Inbox.Finish(a.Inbox.TryTakeNext("telegram")!, null);

        Assert.Equal(0, a.Inbox.Count("telegram"));
        Assert.False(a.Ledger.IsCompleted("telegram", "1"));
        Assert.True(a.Ledger.TryBegin("telegram", "1"));
    }

    [SkippableFact]
    public void A_poisoned_update_in_a_batch_is_set_aside_and_the_updates_beside_it_are_written()
    {
        var a = NewInstance("a");
        // A payload the table cannot hold (its column is NOT NULL): the store refuses this row, whatever the engine.
        var results = a.Inbox.AddBatch("telegram", [Entry(1, "chat-a"), new InboxEntry("2", "chat-a", null!), Entry(3, "chat-a"), Entry(4, "chat-b")], capacity: 100);

        Assert.Equal([InboxAddResult.Added, InboxAddResult.Rejected, InboxAddResult.Added, InboxAddResult.Added], results);
        Assert.Equal(3, a.Inbox.Count("telegram"));
        var order = new List<string>();
        while (a.Inbox.TryTakeNext("telegram") is { } item)
        {
            order.Add(item.UpdateId);
            a.Inbox.Done(item);
        }

        Assert.Equal(["1", "3", "4"], order);
    }

    [SkippableFact]
    public void A_full_inbox_refuses_the_rest_of_a_batch_and_what_is_skipped_takes_no_room()
    {
        var a = NewInstance("a");
        a.Inbox.Add("telegram", "1", "chat-a", "{\"update_id\":1}");
        a.Inbox.Add("discord", "9", "chat-d", "{}");

        var results = a.Inbox.AddBatch("telegram", [Entry(1, "chat-a"), Entry(2, "chat-b"), Entry(3, "chat-c"), Entry(4, "chat-d")], capacity: 2);

        // Another platform's updates do not count against Telegram's room.
        Assert.Equal([InboxAddResult.Skipped, InboxAddResult.Added, InboxAddResult.Refused, InboxAddResult.Refused], results);
        Assert.Equal(2, a.Inbox.Count("telegram"));
    }

    [SkippableFact]
    public void Several_updates_are_taken_at_once_one_per_chat_oldest_first()
    {
        var a = NewInstance("a");
        var b = NewInstance("b");
        a.Inbox.AddBatch("telegram", [Entry(1, "chat-a"), Entry(2, "chat-b"), Entry(3, "chat-a"), Entry(4, "chat-c"), Entry(5, "chat-d")], capacity: 100);

        var taken = a.Inbox.TakeNext("telegram", 3);
        Assert.Equal(["1", "2", "4"], taken.Select(i => i.UpdateId));
        // What a holds is not b's; of the rest, only chat D's update is free (chat A's next waits behind its first).
        Assert.Equal(["5"], b.Inbox.TakeNext("telegram", 10).Select(i => i.UpdateId));
        Assert.Empty(b.Inbox.TakeNext("telegram", 10));

        a.Inbox.Done(taken[0]);
        Assert.Equal(["3"], b.Inbox.TakeNext("telegram", 10).Select(i => i.UpdateId));
    }

    // ---- chat settings

    [SkippableFact]
    public void A_chat_language_survives_a_restart_and_is_per_platform_and_chat()
    {
        var first = new ChatSettingsStore(Databases.Open(), _time);
        Assert.Null(first.GetLanguage("telegram", "42"));
        first.SetLanguage("telegram", "42", Lang.En);
        first.SetLanguage("telegram", "42", Lang.Ru);
        first.SetLanguage("discord", "42", Lang.En);

        var afterRestart = new ChatSettingsStore(Databases.Open(), _time);
        Assert.Equal(Lang.Ru, afterRestart.GetLanguage("telegram", "42"));
        Assert.Equal(Lang.En, afterRestart.GetLanguage("discord", "42"));
        Assert.Null(afterRestart.GetLanguage("telegram", "43"));
    }

    // ---- the question log and its reports

    private (QuestionLogStore Log, Reports Reports) QuestionLog()
    {
        var database = Databases.Open();
        return (new QuestionLogStore(database), new Reports(database));
    }

    private static void Record(QuestionLogStore log, DateTimeOffset at, ReplyOutcome outcome, string? normalised, string? closest, string platform = "telegram", string? command = null) =>
        log.Record(new QuestionRecord(at, platform, command, outcome, normalised, closest));

    [SkippableFact]
    public void Unanswered_questions_are_grouped_by_their_words_most_frequent_first()
    {
        var (log, reports) = QuestionLog();
        Record(log, Day1, ReplyOutcome.NotFound, "кластеры в корее и японии", "korea");
        Record(log, Day1.AddHours(1), ReplyOutcome.NotFound, "японии и корее кластер", "korea");
        Record(log, Day1.AddHours(2), ReplyOutcome.OutOfScope, "какая погода", null, "discord");
        Record(log, Day1.AddHours(3), ReplyOutcome.Answered, null, null);

        var groups = reports.Unanswered(Day1.AddDays(-1), 10);
        Assert.Equal(2, groups.Count);
        Assert.Equal(2, groups[0].Count);
        Assert.Equal("korea", groups[0].Closest);
        Assert.Equal("2026-11-20 11:00", groups[0].LastAsked);
        Assert.Equal(1, groups[1].Count);
        Assert.Equal(["discord"], groups[1].Platforms);
        Assert.Contains("[no close fact]", reports.FormatUnanswered(Day1.AddDays(-1), 10));
    }

    [SkippableFact]
    public void Usage_counts_per_day_with_the_answered_ratio_and_top_commands()
    {
        var (log, reports) = QuestionLog();
        Record(log, Day1, ReplyOutcome.Answered, null, null, command: "country");
        Record(log, Day1, ReplyOutcome.Answered, null, null, command: "country");
        Record(log, Day1, ReplyOutcome.NotFound, "что-то", null);
        Record(log, Day1.AddDays(1).AddHours(13), ReplyOutcome.Invalid, "x", null, command: "unknown");

        var days = reports.Usage(Day1.AddDays(-1));
        Assert.Equal(["2026-11-20", "2026-11-21"], days.Select(d => d.Day));
        Assert.Equal(3, days[0].Questions);
        Assert.Equal(2, days[0].Answered);
        Assert.Equal(1, days[0].NotFound);
        Assert.Equal(1, days[1].Invalid);
        Assert.Equal(2.0 / 3, days[0].AnsweredRatio, 3);
        Assert.Equal(("country", 2), reports.TopCommands(Day1.AddDays(-1), 5)[0]);
        Assert.Contains("/country", reports.FormatUsage(Day1.AddDays(-1), 5));
    }

    [SkippableFact]
    public void Since_excludes_older_questions_and_prune_deletes_them()
    {
        var (log, reports) = QuestionLog();
        Record(log, DateTimeOffset.UtcNow.AddDays(-100), ReplyOutcome.NotFound, "old question", null);
        Record(log, DateTimeOffset.UtcNow, ReplyOutcome.NotFound, "new question", null);

        Assert.Single(reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-7), 10));
        Assert.Equal(1, log.Prune(TimeSpan.FromDays(90)));
        Assert.Single(reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-365), 10));
    }

    // ---- quizzes and scores

    private static OpenQuiz Quiz(string key, string chat = "-100", string platform = "telegram", int correct = 2) =>
        new(platform, key, chat, "kr-growth-193:figure:193", Lang.En, correct, "193", 4, "During the growth phase … reached 193.");

    [SkippableFact]
    public void A_quiz_opened_on_one_instance_is_found_by_its_handle_on_another_and_after_a_restart()
    {
        new QuizStore(Databases.Open()).Open(Quiz("poll-1"), _time.GetUtcNow());
        var other = new QuizStore(Databases.Open());
        Assert.Equal(Quiz("poll-1"), other.Find("telegram", "poll-1"));
        Assert.Null(other.Find("discord", "poll-1"));
        Assert.Null(other.Find("telegram", "poll-2"));
    }

    [SkippableFact]
    public void An_answer_counts_once_per_user_per_question_however_often_they_press()
    {
        var a = new QuizStore(Databases.Open());
        var b = new QuizStore(Databases.Open());
        var quiz = Quiz("poll-1");
        a.Open(quiz, _time.GetUtcNow());
        Assert.True(a.Record(quiz, "u1", "Ann", 2, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(b.Record(quiz, "u1", "Ann", 0, _time.GetUtcNow()));
        Assert.False(a.Record(quiz, "u1", "Ann", 2, _time.GetUtcNow()));
        Assert.True(b.Record(quiz, "u2", "Bob", 0, _time.GetUtcNow()));
        Assert.Equal([1, 0, 1], a.Tally("telegram", "poll-1"));
        var answers = b.Answers("telegram", "-100");
        Assert.Equal(2, answers.Count);
        Assert.Equal(("u1", true), (answers[0].UserId, answers[0].Right));
        Assert.Equal(("u2", false), (answers[1].UserId, answers[1].Right));
    }

    [SkippableFact]
    public void Concurrent_presses_by_one_user_count_exactly_once()
    {
        var quiz = Quiz("poll-race");
        var stores = Enumerable.Range(0, 4).Select(_ => new QuizStore(Databases.Open())).ToArray();
        stores[0].Open(quiz, _time.GetUtcNow());
        var counted = 0;
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (stores[i % stores.Length].Record(quiz, "u1", "Ann", i % 4, _time.GetUtcNow())) Interlocked.Increment(ref counted);
        });
        Assert.Equal(1, counted);
        Assert.Equal(1, stores[1].Tally("telegram", "poll-race").Sum());
    }

    [SkippableFact]
    public void The_leaderboard_is_per_chat_and_platform_with_right_answers_and_streaks()
    {
        var store = new QuizStore(Databases.Open());
        void Answer(string key, string chat, string user, bool right, string platform = "telegram")
        {
            var quiz = Quiz(key, chat, platform);
            store.Open(quiz, _time.GetUtcNow());
            store.Record(quiz, user, user.ToUpperInvariant(), right ? quiz.Correct : 0, _time.GetUtcNow());
            _time.Advance(TimeSpan.FromSeconds(3));
        }

        Answer("q1", "-1", "ann", true);
        Answer("q1", "-1", "bob", false);
        Answer("q2", "-1", "ann", true);
        Answer("q2", "-1", "bob", true);
        Answer("q3", "-1", "ann", false);
        Answer("q3", "-1", "bob", true);
        Answer("q4", "-1", "bob", true);
        Answer("q9", "-2", "ann", true);
        Answer("q1", "-1", "cid", true, platform: "discord");

        var board = ScoreBoard.Of(new QuizStore(Databases.Open()).Answers("telegram", "-1"));
        Assert.Equal(
            [new Score("bob", "BOB", 3, 4, 3, 3), new Score("ann", "ANN", 2, 3, 0, 2)],
            board);
    }

    // ---- migrations

    [SkippableFact]
    public void Migrations_are_applied_once_and_recorded()
    {
        var first = Databases.Open();
        Assert.True(first.EnsureMigrated() >= 2);
        Assert.Equal(0, Databases.Open().EnsureMigrated());
        using var c = first.Open();
        var versions = c.Query<long>("SELECT version FROM schema_migrations ORDER BY version").AsList();
        Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
    }

    [SkippableFact]
    public void Instances_starting_at_once_apply_each_migration_exactly_once()
    {
        var instances = Enumerable.Range(0, 6).Select(_ => Databases.Open()).ToArray();
        using var start = new Barrier(instances.Length);
        var applied = new int[instances.Length];
        Parallel.For(0, instances.Length, new ParallelOptions { MaxDegreeOfParallelism = instances.Length }, i =>
        {
            start.SignalAndWait(TimeSpan.FromSeconds(30));
            applied[i] = instances[i].EnsureMigrated();
        });

        using var c = instances[0].Open();
        var recorded = c.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations");
        Assert.Equal(recorded, applied.Sum());
        Assert.Single(applied, n => n > 0);
    }
}

public sealed class SqliteStateStoreTests : StateStoreContract
{
    protected override TestDatabases CreateDatabases() => new SqliteTestDatabases();
}

public sealed class PostgresStateStoreTests : StateStoreContract
{
    protected override TestDatabases CreateDatabases() => new PostgresTestDatabases();
}
