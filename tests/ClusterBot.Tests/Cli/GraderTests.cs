using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Cli;

/// <summary>
/// The shared grader runs `ask --json` on every question of a case file: every case of the shared
/// eval passes, and our own paraphrase set (students' wordings, typos, keyword-style queries, commands with Russian,
/// English and alias arguments, questions the paper does not cover), which keeps the bot honest on questions
/// the eval does not ask.
/// </summary>
public sealed partial class GraderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Each case file with the least number of its cases that must pass: all of the shared eval; for the others the
    /// score last reported, so a change that loses ground fails. The blind halves were written from the paper alone
    /// by someone who never saw the knowledge or the engine, split once at random; the test half is only ever scored.
    /// </summary>
    public static TheoryData<string, int> CaseFiles => new()
    {
        { Path.Combine(RepoPaths.Shared, "eval", "questions.jsonl"), int.MaxValue },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Cli", "paraphrases.jsonl"), 144 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind-dev.jsonl"), 246 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind-test.jsonl"), 233 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind2-dev.jsonl"), 99 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind2-test.jsonl"), 92 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind3-dev.jsonl"), 148 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind3-test.jsonl"), 138 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind4-dev.jsonl"), 181 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind4-test.jsonl"), 162 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind5-dev.jsonl"), 187 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind5-test.jsonl"), 185 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind6-dev.jsonl"), 191 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind6-test.jsonl"), 169 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind7-dev.jsonl"), 195 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind7-test.jsonl"), 185 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind8-dev.jsonl"), 188 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind8-test.jsonl"), 176 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind9-dev.jsonl"), 186 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind9-test.jsonl"), 175 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind10-dev.jsonl"), 182 },
        { Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval", "blind10-test.jsonl"), 177 },
    };

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public async Task The_grader_passes_at_least_the_reported_score(string cases, int floor)
    {
        var grader = Path.Combine(RepoPaths.Shared, "eval", "grade.py");
        Assert.True(File.Exists(grader), $"the grader is expected at {grader}");
        Assert.True(File.Exists(cases), $"the cases are expected at {cases}");

        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _temp.Path };
        foreach (var a in new[] { grader, cases, "--" }.Concat(AppProcess.Command).Concat(["ask", "--json"])) start.ArgumentList.Add(a);
        start.Environment["Storage__Path"] = _temp.File("grader.db");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        var summary = Summary().Match(output);
        Assert.True(summary.Success, output + errors);
        var total = File.ReadLines(cases).Count(l => l.Trim().Length > 0);
        var passed = int.Parse(summary.Groups["passed"].Value, CultureInfo.InvariantCulture);
        Assert.True(passed >= Math.Min(floor, total), $"{passed} of {total} passed, at least {Math.Min(floor, total)} expected\n{output}{errors}");
    }

    [GeneratedRegex(@"^(?<passed>\d+) passed, (?<failed>\d+) failed$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
