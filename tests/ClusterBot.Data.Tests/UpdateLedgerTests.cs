using ClusterBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Data.Tests;

public sealed class UpdateLedgerTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    private readonly UpdateLedger _ledger;

    public UpdateLedgerTests() => _ledger = new UpdateLedger(new SqliteDatabase(_temp.File("store.db")), _time);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_update_is_claimed_once_even_after_completion()
    {
        Assert.True(_ledger.TryBegin("telegram", "1"));
        Assert.False(_ledger.TryBegin("telegram", "1"));
        _ledger.Complete("telegram", "1", "sent");
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(_ledger.TryBegin("telegram", "1"));
        Assert.True(_ledger.TryBegin("discord", "1"));
    }

    [Fact]
    public void A_claim_left_by_a_crash_is_taken_over_once_stale()
    {
        Assert.True(_ledger.TryBegin("telegram", "7"));
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(_ledger.TryBegin("telegram", "7"));
        _time.Advance(UpdateLedger.StaleClaim);
        Assert.True(_ledger.TryBegin("telegram", "7"));
        Assert.False(_ledger.TryBegin("telegram", "7"));
    }

    [Fact]
    public void An_abandoned_claim_can_be_handled_again()
    {
        Assert.True(_ledger.TryBegin("telegram", "9"));
        _ledger.Abandon("telegram", "9");
        Assert.True(_ledger.TryBegin("telegram", "9"));
    }

    [Fact]
    public void Concurrent_claims_let_exactly_one_win()
    {
        var winners = 0;
        Parallel.For(0, 16, _ =>
        {
            if (_ledger.TryBegin("telegram", "race")) Interlocked.Increment(ref winners);
        });
        Assert.Equal(1, winners);
    }

    [Fact]
    public void Prune_forgets_old_entries_only()
    {
        _ledger.TryBegin("telegram", "old");
        _ledger.Complete("telegram", "old", "sent");
        _time.Advance(TimeSpan.FromDays(2));
        _ledger.TryBegin("telegram", "new");
        Assert.Equal(1, _ledger.Prune(TimeSpan.FromDays(1)));
        Assert.True(_ledger.TryBegin("telegram", "old"));
    }
}
