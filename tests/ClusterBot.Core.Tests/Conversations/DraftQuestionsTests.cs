using System.Diagnostics.Metrics;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Tests.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>Inline queries come once per keystroke; one burst of typing is one question.</summary>
public sealed class DraftQuestionsTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _services.Dispose();

    private async Task<(ConversationOutcome, Reply?)> TypeAsync(PipelineParts parts, string text, string id, string user = "5")
    {
        Reply? shown = null;
        var outcome = await parts.Pipeline.HandleDraftAsync(PipelineParts.Message(text, id: id, user: user, chat: user), (reply, _) =>
        {
            shown = reply;
            return Task.CompletedTask;
        }, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        return (outcome, shown);
    }

    [Fact]
    public async Task Every_keystroke_is_answered_but_only_the_last_draft_of_a_burst_is_recorded_with_its_real_platform()
    {
        var parts = new PipelineParts(fixture.Engine, _services.GetRequiredService<IMeterFactory>(), _time);
        var id = 1;
        foreach (var typed in new[] { "t", "to", "tor", "torc", "torch" })
        {
            var (_, reply) = await TypeAsync(parts, typed, (id++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.NotNull(reply);
        }

        Assert.Empty(parts.Records);
        _time.Advance(DraftQuestions.Settle);

        var record = Assert.Single(parts.Records);
        Assert.Equal("telegram", record.Platform);
        Assert.Equal(ReplyOutcome.Answered, record.Outcome);
    }

    [Fact]
    public async Task A_user_flooding_inline_is_paused_once_per_burst_like_any_other()
    {
        var parts = new PipelineParts(fixture.Engine, _services.GetRequiredService<IMeterFactory>(), _time, maxQuestions: 2);
        var id = 100;
        string Next() => (id++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var burst = 0; burst < 2; burst++)
        {
            Assert.Equal(ConversationOutcome.Sent, (await TypeAsync(parts, "torch", Next())).Item1);
            Assert.Equal(ConversationOutcome.Sent, (await TypeAsync(parts, "torch programme", Next())).Item1);
            _time.Advance(DraftQuestions.Settle);
        }

        var (outcome, notice) = await TypeAsync(parts, "korea", Next());
        Assert.Equal(ConversationOutcome.Limited, outcome);
        Assert.Equal(ReplyOutcome.Invalid, notice!.Outcome);
        Assert.Equal((ConversationOutcome.Limited, (Reply?)null), await TypeAsync(parts, "korea clusters", Next()));
        // Another user types on unhindered.
        Assert.Equal(ConversationOutcome.Sent, (await TypeAsync(parts, "korea", Next(), user: "6")).Item1);
    }
}
