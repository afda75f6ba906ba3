using ClusterBot.Core.Conversations;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>An event handled under a lease of the caller's (the inbox): its record is the caller's to write, with letting it go.</summary>
public sealed class DeferredRecordTests
{
    private readonly PipelineParts.MemoryLedger _store = new();

    private ConversationLedger Ledger() => new(NullLogger<ConversationLedger>.Instance, _store);

    private static Func<CancellationToken, Task<ConversationOutcome>> Ends(ConversationOutcome outcome) => _ => Task.FromResult(outcome);

    [Fact]
    public async Task Under_a_deferred_record_the_event_is_neither_claimed_nor_written_and_its_outcome_goes_to_the_caller()
    {
        var ledger = Ledger();
        using (var record = ledger.DeferRecord("telegram", "1"))
        {
            Assert.Equal(ConversationOutcome.Sent, await ledger.OnceAsync("telegram", "1", Ends(ConversationOutcome.Sent), CancellationToken.None));
            Assert.Empty(_store.States);
            Assert.True(record.Reached);
            Assert.Equal(ConversationOutcome.Sent, record.Outcome);
        }

        // Outside the scope the ledger claims and records as always.
        Assert.Equal(ConversationOutcome.Sent, await ledger.OnceAsync("telegram", "1", Ends(ConversationOutcome.Sent), CancellationToken.None));
        Assert.Equal("sent", _store.States[("telegram", "1")]);
    }

    [Fact]
    public async Task An_event_already_handled_to_an_end_is_a_duplicate_under_a_deferred_record_and_leaves_nothing_to_write()
    {
        var ledger = Ledger();
        _store.Complete("telegram", "1", ConversationOutcome.Sent);
        using var record = ledger.DeferRecord("telegram", "1");
        var ran = false;

        var outcome = await ledger.OnceAsync("telegram", "1", _ =>
        {
            ran = true;
            return Task.FromResult(ConversationOutcome.Sent);
        }, CancellationToken.None);

        Assert.Equal(ConversationOutcome.Duplicate, outcome);
        Assert.False(ran);
        Assert.True(record.Reached);
        Assert.Null(record.Outcome);
    }

    [Fact]
    public async Task A_failure_or_an_interruption_under_a_deferred_record_is_left_to_the_caller_too()
    {
        var ledger = Ledger();
        using (var record = ledger.DeferRecord("telegram", "1"))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                ledger.OnceAsync("telegram", "1", _ => throw new InvalidOperationException("for the test"), CancellationToken.None));
            Assert.Equal(ConversationOutcome.Failed, record.Outcome);
        }

        using (var record = ledger.DeferRecord("telegram", "2"))
        {
            Assert.Equal(ConversationOutcome.Interrupted, await ledger.OnceAsync("telegram", "2", Ends(ConversationOutcome.Interrupted), CancellationToken.None));
            Assert.Null(record.Outcome);
        }

        Assert.Empty(_store.States);
    }

    [Fact]
    public async Task Other_events_and_the_same_event_reached_again_within_the_scope_are_claimed_as_always()
    {
        var ledger = Ledger();
        using var record = ledger.DeferRecord("telegram", "1");

        Assert.Equal(ConversationOutcome.Sent, await ledger.OnceAsync("discord", "1", Ends(ConversationOutcome.Sent), CancellationToken.None));
        Assert.Equal(ConversationOutcome.Sent, await ledger.OnceAsync("telegram", "2", Ends(ConversationOutcome.Sent), CancellationToken.None));
        Assert.Equal(ConversationOutcome.Sent, await ledger.OnceAsync("telegram", "1", async ct =>
            // Reached again from inside its own work: not the deferred one any more, so claimed (and completed) as always.
            await ledger.OnceAsync("telegram", "1", Ends(ConversationOutcome.Sent), ct), CancellationToken.None));

        Assert.Equal("sent", _store.States[("discord", "1")]);
        Assert.Equal("sent", _store.States[("telegram", "2")]);
        Assert.Equal("sent", _store.States[("telegram", "1")]);
        Assert.Equal(ConversationOutcome.Sent, record.Outcome);
    }
}
