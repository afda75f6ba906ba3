using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Data.Analytics;
using ClusterBot.Testing;

namespace ClusterBot.Data.Tests.Analytics;

public sealed class ReportsTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly SqliteQuestionLog _log;
    private readonly Reports _reports;

    public ReportsTests()
    {
        var database = new SqliteDatabase(_temp.File("store.db"));
        _log = new SqliteQuestionLog(database);
        _reports = new Reports(database);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unanswered_questions_are_grouped_by_their_words_most_frequent_first()
    {
        Record(Day1, ReplyOutcome.NotFound, "кластеры в корее и японии", "korea");
        Record(Day1.AddHours(1), ReplyOutcome.NotFound, "японии и корее кластер", "korea");
        Record(Day1.AddHours(2), ReplyOutcome.OutOfScope, "какая погода", null, "discord");
        Record(Day1.AddHours(3), ReplyOutcome.Answered, null, null);

        var groups = _reports.Unanswered(Day1.AddDays(-1), 10);
        Assert.Equal(2, groups.Count);
        Assert.Equal(2, groups[0].Count);
        Assert.Equal("korea", groups[0].Closest);
        Assert.Equal(1, groups[1].Count);
        Assert.Equal(["discord"], groups[1].Platforms);
        Assert.Contains("[no close fact]", _reports.FormatUnanswered(Day1.AddDays(-1), 10));
    }

    [Fact]
    public void Usage_counts_per_day_with_the_answered_ratio_and_top_commands()
    {
        Record(Day1, ReplyOutcome.Answered, null, null, command: "country");
        Record(Day1, ReplyOutcome.Answered, null, null, command: "country");
        Record(Day1, ReplyOutcome.NotFound, "что-то", null);
        Record(Day1.AddDays(1), ReplyOutcome.Invalid, "x", null, command: "unknown");

        var days = _reports.Usage(Day1.AddDays(-1));
        Assert.Equal(["2026-11-20", "2026-11-21"], days.Select(d => d.Day));
        Assert.Equal(3, days[0].Questions);
        Assert.Equal(2, days[0].Answered);
        Assert.Equal(2.0 / 3, days[0].AnsweredRatio, 3);
        Assert.Equal(("country", 2), _reports.TopCommands(Day1.AddDays(-1), 5)[0]);
        Assert.Contains("/country", _reports.FormatUsage(Day1.AddDays(-1), 5));
    }

    [Fact]
    public void Since_excludes_older_questions_and_prune_deletes_them()
    {
        Record(DateTimeOffset.UtcNow.AddDays(-100), ReplyOutcome.NotFound, "old question", null);
        Record(DateTimeOffset.UtcNow, ReplyOutcome.NotFound, "new question", null);

        Assert.Single(_reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-7), 10));
        Assert.Equal(1, _log.Prune(TimeSpan.FromDays(90)));
        Assert.Single(_reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-365), 10));
    }

    private void Record(DateTimeOffset at, ReplyOutcome outcome, string? normalised, string? closest, string platform = "telegram", string? command = null) =>
        _log.Record(new QuestionRecord(at, platform, command, outcome, normalised, closest));
}
