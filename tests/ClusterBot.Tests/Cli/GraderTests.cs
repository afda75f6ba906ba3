using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Cli;

/// <summary>
/// The shared grader runs `ask --json` on every question of a case file and every case must pass: the shared
/// eval, and our own paraphrase set (students' wordings, typos, keyword-style queries, commands with Russian,
/// English and alias arguments, questions the paper does not cover), which keeps the bot honest on questions
/// the eval does not ask.
/// </summary>
public sealed partial class GraderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> CaseFiles => new()
    {
        Path.Combine(RepoPaths.Shared, "eval", "questions.jsonl"),
        Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Cli", "paraphrases.jsonl"),
    };

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public async Task Every_case_passes_the_grader(string cases)
    {
        var grader = Path.Combine(RepoPaths.Shared, "eval", "grade.py");
        Assert.True(File.Exists(grader), $"the grader is expected at {grader}");
        Assert.True(File.Exists(cases), $"the cases are expected at {cases}");

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _temp.Path };
        foreach (var a in new[] { grader, cases, "--", "dotnet", AppProcess.Dll, "ask", "--json" }) start.ArgumentList.Add(a);
        start.Environment["Storage__Path"] = _temp.File("grader.db");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var summary = Summary().Match(output);
        Assert.True(summary.Success, output + errors);
        Assert.True(process.ExitCode == 0 && summary.Groups["failed"].Value == "0", output + errors);
        Assert.Equal(File.ReadLines(cases).Count(l => l.Trim().Length > 0), int.Parse(summary.Groups["passed"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
