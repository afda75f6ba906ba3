using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClusterBot.Tests.Telegram;

/// <summary>
/// The built app running as the bot in its own process, every line it writes to stdout and stderr kept
/// (in order of arrival) so a test can wait for a line and scan everything afterwards.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private BotProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public static BotProcess Start(IDictionary<string, string> environment)
    {
        var start = AppProcess.StartInfo([], environment: environment);
        var process = new Process { StartInfo = start };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) bot._lines.Enqueue("out| " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) bot._lines.Enqueue("err| " + e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // With a platform configured the bot is a service and never reads stdin; closing it proves that.
        process.StandardInput.Close();
        return bot;
    }

    public Task WaitForLine(string fragment, int seconds = 20) =>
        Eventually.True(() => _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)), $"a line with '{fragment}'", seconds, () => Output);

    /// <summary>SIGTERM, as systemd or docker stop sends it.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>SIGKILL: no shutdown code runs at all.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>The exit code, or null when the process is still running after the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        // The parameterless wait also drains the redirected output, so Lines is complete afterwards.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}

/// <summary>Bounded polling waits, failing with what was seen instead of hanging.</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition, string what, int seconds = 20, Func<string>? context = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Timed out after {seconds} s waiting for {what}." + (context is null ? "" : "\n" + context()));
            }

            await Task.Delay(20);
        }
    }
}
