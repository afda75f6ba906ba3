using System.Diagnostics;
using System.Text;
using ClusterBot.Testing;

namespace ClusterBot.Tests;

/// <summary>Runs the built ClusterBot app as a separate process, the way a user or the grader does.</summary>
internal static class AppProcess
{
    /// <summary>The host's build output for the configuration these tests were built in.</summary>
    public static string Dll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<Configuration>/net10.0/
            var dll = Path.Combine(RepoPaths.Root, "src", "ClusterBot", "bin", configuration, "net10.0", "ClusterBot.dll");
            Assert.True(File.Exists(dll), $"{dll} is not built");
            return dll;
        }
    }

    /// <summary>
    /// The command that starts the app: `dotnet ClusterBot.dll`, or the published executable named by
    /// CLUSTERBOT_TEST_APP (CI points it at the Native AOT binary to run these tests against that build).
    /// </summary>
    public static IReadOnlyList<string> Command =>
        Environment.GetEnvironmentVariable("CLUSTERBOT_TEST_APP") is { Length: > 0 } app
            ? [Path.GetFullPath(app)]
            : ["dotnet", Dll];

    /// <summary>
    /// How to start the app: UTF-8 pipes, the given arguments and environment, and none of the runner's own
    /// platform or logging settings (a developer's token or log level must not leak into a test).
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var a in Command.Skip(1)) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.Ordinal) ||
                     k.StartsWith("Discord__", StringComparison.Ordinal) || k.StartsWith("Logging__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        return start;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string[] args, string? stdin = null, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = StartInfo(args, workingDirectory, environment);

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
        {
            if (stdin is not null) await input.WriteAsync(stdin);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
