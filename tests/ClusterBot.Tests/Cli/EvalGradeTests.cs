using System.Diagnostics;
using System.Text.RegularExpressions;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Cli;

/// <summary>The shared evaluation: its grader runs `ask --json` on every question and every case must pass.</summary>
public sealed partial class EvalGradeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_eval_question_passes_the_grader()
    {
        var grader = Path.Combine(RepoPaths.Shared, "eval", "grade.py");
        var questions = Path.Combine(RepoPaths.Shared, "eval", "questions.jsonl");
        Assert.True(File.Exists(grader), $"the grader is expected at {grader}");

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _temp.Path };
        foreach (var a in new[] { grader, questions, "--", "dotnet", AppProcess.Dll, "ask", "--json" }) start.ArgumentList.Add(a);
        start.Environment["Storage__Path"] = _temp.File("eval.db");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var summary = Summary().Match(output);
        Assert.True(summary.Success, output + errors);
        Assert.True(process.ExitCode == 0 && summary.Groups["failed"].Value == "0", output + errors);
        Assert.Equal(File.ReadLines(questions).Count(l => l.Trim().Length > 0), int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
