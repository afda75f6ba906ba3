using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Data.Analytics;
using ClusterBot.Data.State;
using ClusterBot.Testing;

namespace ClusterBot.Data.Tests.Analytics;

public sealed class BufferedQuestionLogTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Reports _reports;
    private readonly BufferedQuestionLog _log;

    public BufferedQuestionLogTests()
    {
        var database = new SqliteStateDatabase(new SqliteDatabase(_temp.File("store.db")));
        _reports = new Reports(database);
        _log = new BufferedQuestionLog(new QuestionLogStore(database), new CollectingLogger<BufferedQuestionLog>());
    }

    public void Dispose()
    {
        _log.Dispose();
        _temp.Dispose();
    }

    private static QuestionRecord Unanswered(string text) => new(DateTimeOffset.UtcNow, "telegram", null, ReplyOutcome.NotFound, text, null);

    [Fact]
    public async Task Records_are_written_in_the_background_while_running()
    {
        await _log.StartAsync(CancellationToken.None);
        _log.Record(Unanswered("первый вопрос"));
        _log.Record(Unanswered("второй вопрос"));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-1), 10).Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(2, _reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-1), 10).Count);
        await _log.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task What_is_still_queued_at_shutdown_is_written_not_lost()
    {
        // Never started: everything stays queued until StopAsync drains it.
        for (var i = 0; i < 450; i++) _log.Record(Unanswered($"вопрос номер {i}"));
        Assert.Empty(_reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-1), 1000));

        await _log.StopAsync(CancellationToken.None);

        Assert.Equal(450, _reports.Unanswered(DateTimeOffset.UtcNow.AddDays(-1), 1000).Sum(g => g.Count));
    }
}
