using System.Diagnostics.Metrics;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Tests.Answering;
using ClusterBot.Testing;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>One message, start to end: addressing, the ledger, the language rule and /lang, failures as replies.</summary>
public sealed class ConversationPipelineTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private PipelineParts Create(IAnswerEngine? engine = null) => new(engine ?? fixture.Engine, _services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task Group_chatter_not_addressed_to_the_bot_is_ignored_however_long_or_odd_and_never_claimed()
    {
        var parts = Create();
        await AdversarialText.Gen.SampleAsync(async text =>
        {
            var (outcome, reply) = await parts.AskAsync(PipelineParts.Message(text, id: "x", kind: ChatKind.Group, addressed: false));
            return outcome == ConversationOutcome.Ignored && reply is null;
        }, iter: 300);
        Assert.Equal((ConversationOutcome.Ignored, (Reply?)null),
            await parts.AskAsync(PipelineParts.Message(new string('x', 5000), id: "y", kind: ChatKind.Group, addressed: false)));
        Assert.Empty(parts.Ledger.States);
        Assert.Empty(parts.Records);
    }

    [Fact]
    public async Task What_the_adapter_marks_addressed_in_a_group_is_answered()
    {
        var (outcome, reply) = await Create().AskAsync(PipelineParts.Message("кластеры баварии", kind: ChatKind.Group, addressed: true));
        Assert.Equal(ConversationOutcome.Sent, outcome);
        Assert.True(reply!.Answered);
    }

    [Fact]
    public async Task A_redelivered_message_is_answered_once_and_its_outcome_is_recorded()
    {
        var parts = Create();
        var message = PipelineParts.Message("/country korea", id: "41");
        Assert.Equal(ConversationOutcome.Sent, (await parts.AskAsync(message)).Outcome);
        Assert.Equal((ConversationOutcome.Duplicate, (Reply?)null), await parts.AskAsync(message));
        Assert.Equal("sent", parts.Ledger.States[("telegram", "41")]);
        Assert.Single(parts.Records);
    }

    [Fact]
    public async Task A_shutdown_mid_delivery_releases_the_claim_so_the_redelivery_is_answered()
    {
        var parts = Create();
        var message = PipelineParts.Message("/country korea", id: "42");
        using var stop = new CancellationTokenSource();
        var outcome = await parts.Pipeline.HandleAsync(message, async (_, ct) =>
        {
            await stop.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, stop.Token);

        Assert.Equal(ConversationOutcome.Interrupted, outcome);
        Assert.False(parts.Ledger.States.ContainsKey(("telegram", "42")));
        Assert.Equal(ConversationOutcome.Sent, (await parts.AskAsync(message)).Outcome);
    }

    [Fact]
    public async Task A_failing_engine_gets_the_user_an_apology_without_the_error_and_is_recorded_failed()
    {
        var parts = Create(new ThrowingEngine());
        var (outcome, reply) = await parts.AskAsync(PipelineParts.Message("what is torch", id: "43"));

        Assert.Equal(ConversationOutcome.Failed, outcome);
        var text = reply!.ToPlainText();
        Assert.Equal(UiText.InternalError[Lang.En], text);
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Equal("failed", parts.Ledger.States[("telegram", "43")]);
    }

    [Fact]
    public async Task A_delivery_that_fails_is_recorded_failed_not_left_claimed()
    {
        var parts = Create();
        var outcome = await parts.Pipeline.HandleAsync(PipelineParts.Message("/country korea", id: "44"),
            (_, _) => throw new HttpRequestException("connection reset"), CancellationToken.None);

        Assert.Equal(ConversationOutcome.Failed, outcome);
        Assert.Equal("failed", parts.Ledger.States[("telegram", "44")]);
    }

    [Fact]
    public async Task Lang_is_kept_per_conversation_in_the_store_and_wins_over_the_questions_script()
    {
        var parts = Create();
        await parts.AskAsync(PipelineParts.Message("/lang en", chat: "-5"));

        Assert.Equal(Lang.En, parts.Settings.GetLanguage("telegram", "-5"));
        Assert.Equal(Lang.En, (await parts.AskAsync(PipelineParts.Message("сколько кластеров в корее", chat: "-5"))).Reply!.Lang);
        Assert.Equal(Lang.Ru, (await parts.AskAsync(PipelineParts.Message("сколько кластеров в корее", chat: "-6"))).Reply!.Lang);
    }

    [Fact]
    public async Task A_local_conversations_lang_lasts_in_memory_only()
    {
        var parts = Create();
        var local = PipelineParts.Message("/lang en", platform: "cli", chat: "cli") with { Local = true };
        await parts.AskAsync(local);

        Assert.Null(parts.Settings.GetLanguage("cli", "cli"));
        Assert.Equal(Lang.En, (await parts.AskAsync(local with { Text = "/help" })).Reply!.Lang);
    }

    [Fact]
    public async Task A_command_for_another_bot_is_silent_on_a_platform_and_explained_in_a_terminal()
    {
        var parts = Create();
        Assert.Equal((ConversationOutcome.Ignored, (Reply?)null), await parts.AskAsync(PipelineParts.Message("/help@OtherBot", kind: ChatKind.Group)));

        var (outcome, reply) = await parts.AskAsync(PipelineParts.Message("/help@OtherBot") with { Local = true });
        Assert.Equal(ConversationOutcome.Ignored, outcome);
        Assert.Contains("OtherBot", reply!.ToPlainText(), StringComparison.Ordinal);
    }

    private sealed class ThrowingEngine : IAnswerEngine
    {
        public Reply Answer(Question question) => throw new InvalidOperationException("secret connection string");
    }
}
