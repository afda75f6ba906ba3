using System.Diagnostics.Metrics;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Operations;
using ClusterBot.Core.Tests.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Operations;

public sealed class MonitoredAnswerEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IDisposable
{
    private readonly RecordingLog _log = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private MonitoredAnswerEngine Create(IQuestionLog log, int maxQuestions = 100, int windowSeconds = 60) => new(
        fixture.Engine,
        new InboundFloodGuard(Options.Create(new InboundOptions { MaxQuestions = maxQuestions, WindowSeconds = windowSeconds })),
        log,
        new ClusterBotMetrics(_services.GetRequiredService<IMeterFactory>()),
        TimeProvider.System,
        NullLogger<MonitoredAnswerEngine>.Instance);

    [Fact]
    public void Unanswered_questions_are_logged_with_their_text_answered_ones_without()
    {
        var engine = Create(_log);
        engine.Answer(new Question("Какая завтра погода в Москве?", Platform: "telegram", UserId: "1"));
        engine.Answer(new Question("/country korea", Platform: "telegram", UserId: "1"));

        Assert.Equal(2, _log.Records.Count);
        var unanswered = _log.Records[0];
        Assert.Equal(ReplyOutcome.OutOfScope, unanswered.Outcome);
        Assert.Equal("какая завтра погода в москве", unanswered.Normalised);
        Assert.Equal("telegram", unanswered.Platform);
        var answered = _log.Records[1];
        Assert.Null(answered.Normalised);
        Assert.Equal("country", answered.Command);
    }

    [Fact]
    public void The_closest_fact_of_an_unconfident_answer_is_kept_for_the_curator()
    {
        Create(_log).Answer(new Question("programme results", UserId: "1"));
        var record = Assert.Single(_log.Records);
        Assert.Equal(ReplyOutcome.NotFound, record.Outcome);
        Assert.NotNull(fixture.Index.FindDocument(record.Closest!));
    }

    [Fact]
    public void A_flooding_user_gets_one_notice_and_is_then_ignored()
    {
        var engine = Create(_log, maxQuestions: 2);
        Assert.True(engine.Answer(new Question("/country korea", UserId: "9")).Answered);
        Assert.True(engine.Answer(new Question("/country china", UserId: "9")).Answered);
        var notice = engine.Answer(new Question("/country germany", UserId: "9"));
        Assert.Equal(ReplyOutcome.Invalid, notice.Outcome);
        Assert.NotEmpty(notice.ToPlainText());
        Assert.Equal(ReplyOutcome.Ignored, engine.Answer(new Question("/country germany", UserId: "9")).Outcome);
        Assert.True(engine.Answer(new Question("/country germany", UserId: "10")).Answered);
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
    public void The_flood_notice_states_the_configured_window(int windowSeconds, string question, string stated)
    {
        var engine = Create(_log, maxQuestions: 1, windowSeconds: windowSeconds);
        var lang = question.Contains("korea", StringComparison.Ordinal) ? ClusterBot.Core.Knowledge.Lang.En : ClusterBot.Core.Knowledge.Lang.Ru;
        engine.Answer(new Question(question, UserId: "11", PreferredLanguage: lang));

        var notice = engine.Answer(new Question(question, UserId: "11", PreferredLanguage: lang));

        Assert.Contains(stated, notice.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_log_never_costs_the_answer()
    {
        var reply = Create(new FailingLog()).Answer(new Question("/country korea", UserId: "1"));
        Assert.True(reply.Answered);
    }

    [Fact]
    public void Questions_are_counted_by_platform_and_outcome()
    {
        using var collector = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), ClusterBotMetrics.MeterName, "questions.total");
        var engine = Create(_log);
        engine.Answer(new Question("/country korea", Platform: "discord"));
        engine.Answer(new Question("Какая завтра погода в Москве?", Platform: "discord"));

        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal("answered", measurements[0].Tags["outcome"]);
        Assert.Equal("out_of_scope", measurements[1].Tags["outcome"]);
        Assert.All(measurements, m => Assert.Equal("discord", m.Tags["platform"]));
    }

    private sealed class RecordingLog : IQuestionLog
    {
        public List<QuestionRecord> Records { get; } = [];

        public void Record(QuestionRecord record) => Records.Add(record);

        public int Prune(TimeSpan olderThan) => 0;
    }

    private sealed class FailingLog : IQuestionLog
    {
        public void Record(QuestionRecord record) => throw new IOException("disk full");

        public int Prune(TimeSpan olderThan) => 0;
    }
}
