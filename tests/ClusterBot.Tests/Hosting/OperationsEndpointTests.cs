using System.Diagnostics;
using System.Net;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Hosting;

/// <summary>The real app as a service with only its web server on: health, readiness and metrics.</summary>
public sealed class OperationsEndpointTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Healthz_readyz_and_metrics_answer_and_no_console_chat_runs()
    {
        var port = LoopbackPort.Free();
        var start = AppProcess.StartInfo([], environment: new Dictionary<string, string>
        {
            ["Http__Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__Path"] = _temp.File("ops.db"),
        });
        using var process = Process.Start(start)!;
        process.StandardInput.Close(); // a service must not stop when stdin ends
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var healthy = await WaitFor(async () => (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK);
            Assert.True(healthy, "healthz never answered");

            var ready = await http.GetAsync("/readyz");
            var readyBody = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"knowledge\"", readyBody);
            Assert.Contains("\"state\"", readyBody);

            var metrics = await http.GetStringAsync("/metrics");
            Assert.Contains("# TYPE", metrics);
            Assert.False(process.HasExited);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_bad_option_stops_start_up_with_one_line_naming_the_key()
    {
        var (exit, _, stderr) = await AppProcess.RunAsync(["ask", "/help"], environment: new Dictionary<string, string>
        {
            ["Bot__DefaultLanguage"] = "fr",
            ["Storage__Path"] = _temp.File("bad.db"),
        });
        Assert.Equal(1, exit);
        Assert.Contains("Bot:DefaultLanguage", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }


    private static async Task<bool> WaitFor(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return true;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        return false;
    }
}
