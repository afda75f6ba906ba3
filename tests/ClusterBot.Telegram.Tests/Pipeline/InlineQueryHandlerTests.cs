using ClusterBot.Core;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Testing;
using ClusterBot.Telegram.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Telegram.Tests.Pipeline;

/// <summary>Inline mode asks again on every keystroke; the reports must see one question, from Telegram.</summary>
public sealed class InlineQueryHandlerTests : FakeBotApiTest
{
    private sealed class RecordingLog : IQuestionLog
    {
        public List<QuestionRecord> Records { get; } = [];

        public void Record(QuestionRecord record)
        {
            lock (Records) Records.Add(record);
        }

        public int Prune(TimeSpan olderThan) => 0;
    }

    [Fact]
    public async Task Every_keystroke_is_answered_and_the_burst_is_recorded_once_under_telegram()
    {
        var log = new RecordingLog();
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, services: s =>
        {
            s.AddClusterBotMonitoring(new ConfigurationBuilder().Build());
            s.AddSingleton<IQuestionLog>(log);
        });
        Api.Enqueue(Updates.Inline(1, "t"), Updates.Inline(2, "to"), Updates.Inline(3, "torch"));
        await Api.WaitForAck(3);

        Assert.Equal(3, Api.Calls.Count(c => c.Method == "answerInlineQuery"));
        await FakeBotApi.WaitUntil(() => log.Records.Count > 0, "the burst to be recorded once the typing stopped");
        await Task.Delay(500);

        var record = Assert.Single(log.Records);
        Assert.Equal("telegram", record.Platform);
        Assert.Equal(ReplyOutcome.Answered, record.Outcome);
    }
}
