using ClusterBot.Core.Answering;
using ClusterBot.Hosting;
using ClusterBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.Tests.Hosting;

/// <summary>The bot's own meter reaches the Prometheus endpoint: questions by platform and outcome, answer latency.</summary>
public sealed class MetricsExportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Answered_questions_show_up_in_metrics_by_platform_and_outcome()
    {
        var port = LoopbackPort.Free();
        using var host = ClusterBotHost.Build(RunMode.Bot, new Dictionary<string, string?>
        {
            ["Http:Urls"] = $"http://127.0.0.1:{port}",
            ["Storage:Path"] = _temp.File("metrics.db"),
            ["Knowledge:Path"] = RepoPaths.Knowledge,
        });
        await host.StartAsync();
        try
        {
            var engine = host.Services.GetRequiredService<IAnswerEngine>();
            engine.Answer(new Question("/country korea", Platform: "telegram", UserId: "1"));
            engine.Answer(new Question("Какая завтра погода в Москве?", Platform: "telegram", UserId: "1"));

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            string metrics = "";
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!metrics.Contains("out_of_scope", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                // Meter values reach the exporter on its own schedule; poll briefly.
                metrics = await http.GetStringAsync("/metrics");
                await Task.Delay(200);
            }

            Assert.Contains("clusterbot_questions", metrics);
            Assert.Matches("clusterbot_questions[^\\n]*outcome=\"answered\"[^\\n]*platform=\"telegram\"|clusterbot_questions[^\\n]*platform=\"telegram\"[^\\n]*outcome=\"answered\"", metrics);
            Assert.Contains("out_of_scope", metrics);
            Assert.Contains("clusterbot_answer_duration", metrics);
        }
        finally
        {
            await host.StopAsync();
        }
    }

}
