using System.Diagnostics.Metrics;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Operations;
using ClusterBot.Core.Tests.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>What the pipeline keeps an eye on: the question log, the flood guard and the answer metrics.</summary>
public sealed class MonitoredConversationsTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private PipelineParts Create(int maxQuestions = 100, int windowSeconds = 60, IQuestionLog? log = null) =>
        new(fixture.Engine, _services.GetRequiredService<IMeterFactory>(), maxQuestions: maxQuestions, windowSeconds: windowSeconds, log: log);

    [Fact]
    public async Task Unanswered_questions_are_logged_with_their_text_answered_ones_without()
    {
        var parts = Create();
        await parts.AskAsync(PipelineParts.Message("Какая завтра погода в Москве?"));
        await parts.AskAsync(PipelineParts.Message("/country korea"));

        Assert.Equal(2, parts.Records.Count);
        var unanswered = parts.Records[0];
        Assert.Equal(ReplyOutcome.OutOfScope, unanswered.Outcome);
        Assert.Equal("какая завтра погода в москве", unanswered.Normalised);
        Assert.Equal("telegram", unanswered.Platform);
        var answered = parts.Records[1];
        Assert.Null(answered.Normalised);
        Assert.Equal("country", answered.Command);
    }

    [Fact]
    public async Task The_closest_fact_of_an_unconfident_answer_is_kept_for_the_curator()
    {
        var parts = Create();
        await parts.AskAsync(PipelineParts.Message("programme results"));
        var record = Assert.Single(parts.Records);
        Assert.Equal(ReplyOutcome.NotFound, record.Outcome);
        Assert.NotNull(fixture.Index.FindDocument(record.Closest!));
    }

    [Fact]
    public async Task A_flooding_user_gets_one_notice_and_is_then_ignored()
    {
        var parts = Create(maxQuestions: 2);
        Assert.True((await parts.AskAsync(PipelineParts.Message("/country korea", user: "9"))).Reply!.Answered);
        Assert.True((await parts.AskAsync(PipelineParts.Message("/country china", user: "9"))).Reply!.Answered);
        var (outcome, notice) = await parts.AskAsync(PipelineParts.Message("/country germany", user: "9"));
        Assert.Equal(ConversationOutcome.Limited, outcome);
        Assert.Equal(ReplyOutcome.Invalid, notice!.Outcome);
        Assert.NotEmpty(notice.ToPlainText());
        Assert.Equal((ConversationOutcome.Limited, (Reply?)null), await parts.AskAsync(PipelineParts.Message("/country germany", user: "9")));
        Assert.True((await parts.AskAsync(PipelineParts.Message("/country germany", user: "10"))).Reply!.Answered);
    }

    [Fact]
    public async Task A_local_conversation_is_never_paused()
    {
        var parts = Create(maxQuestions: 1);
        for (var i = 0; i < 3; i++)
        {
            var (_, reply) = await parts.AskAsync(PipelineParts.Message("/country korea", user: "9") with { Local = true });
            Assert.True(reply!.Answered);
        }
    }

    [Theory]
    [InlineData(30, "/country корея", "30 секунд")]
    [InlineData(30, "/country korea", "30 seconds")]
    [InlineData(60, "/country корея", "1 минуту")]
    [InlineData(120, "/country корея", "2 минуты")]
    [InlineData(300, "/country корея", "5 минут")]
    [InlineData(120, "/country korea", "2 minutes")]
    [InlineData(1, "/country korea", "1 second")]
    [InlineData(90, "/country корея", "90 секунд")]
    public async Task The_flood_notice_states_the_configured_window(int windowSeconds, string question, string stated)
    {
        var parts = Create(maxQuestions: 1, windowSeconds: windowSeconds);
        var lang = question.Contains("korea", StringComparison.Ordinal) ? Lang.En : Lang.Ru;
        parts.Settings.SetLanguage("telegram", "100", lang);
        await parts.AskAsync(PipelineParts.Message(question, user: "11"));

        var (_, notice) = await parts.AskAsync(PipelineParts.Message(question, user: "11"));

        Assert.Contains(stated, notice!.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_log_never_costs_the_answer()
    {
        var (outcome, reply) = await Create(log: new FailingLog()).AskAsync(PipelineParts.Message("/country korea"));
        Assert.Equal(ConversationOutcome.Sent, outcome);
        Assert.True(reply!.Answered);
    }

    [Fact]
    public async Task Questions_are_counted_by_platform_and_outcome()
    {
        using var collector = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), ClusterBotMetrics.MeterName, "questions.total");
        var parts = Create();
        await parts.AskAsync(PipelineParts.Message("/country korea", platform: "discord"));
        await parts.AskAsync(PipelineParts.Message("Какая завтра погода в Москве?", platform: "discord"));

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal("answered", measurements[0].Tags["outcome"]);
        Assert.Equal("out_of_scope", measurements[1].Tags["outcome"]);
        Assert.All(measurements, m => Assert.Equal("discord", m.Tags["platform"]));
    }

    private sealed class FailingLog : IQuestionLog
    {
        public void Record(QuestionRecord record) => throw new IOException("disk full");

        public int Prune(TimeSpan olderThan) => 0;
    }
}
