using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
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
            var conversations = host.Services.GetRequiredService<ConversationPipeline>();
            foreach (var text in new[] { "/country korea", "Какая завтра погода в Москве?" })
            {
                await conversations.HandleAsync(new IncomingMessage("telegram", "1", null, "1", text, ChatKind.Private, true, null), (_, _) => Task.CompletedTask, CancellationToken.None);
            }

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            string metrics = "";
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!metrics.Contains("out_of_scope", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                // Meter values reach the exporter on its own schedule; poll briefly.
                metrics = await http.GetStringAsync("/metrics");
                await Task.Delay(200);
            }

            Assert.Matches("^clusterbot_questions_total[^\\n]*outcome=\"answered\"[^\\n]*platform=\"telegram\"|^clusterbot_questions_total[^\\n]*platform=\"telegram\"[^\\n]*outcome=\"answered\"", metrics.Split('\n').First(l => l.Contains("answered", StringComparison.Ordinal)));
            Assert.Contains("out_of_scope", metrics);
            Assert.Contains("\nclusterbot_answer_duration_bucket", metrics);
            // The exporter prefixes the meter's name: an instrument that carries it too reads clusterbot_clusterbot_….
            Assert.DoesNotContain("clusterbot_clusterbot", metrics);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Every_counter_of_the_bot_ends_in_total_and_no_name_repeats_the_meters()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var instruments = new List<System.Diagnostics.Metrics.Instrument>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory)) instruments.Add(instrument);
            },
        };
        listener.Start();
        _ = new ClusterBot.Core.Operations.ClusterBotMetrics(factory);
        _ = new ClusterBot.Telegram.Diagnostics.TelegramMetrics(factory);
        _ = new ClusterBot.Discord.DiscordMetrics(factory);

        Assert.True(instruments.Count >= 10, string.Join(", ", instruments.Select(i => i.Name)));
        Assert.All(instruments, i => Assert.False(i.Name.StartsWith("clusterbot", StringComparison.OrdinalIgnoreCase), i.Name));
        Assert.All(instruments.OfType<System.Diagnostics.Metrics.Counter<long>>(), c => Assert.EndsWith(".total", c.Name, StringComparison.Ordinal));
    }
}
