using System.Diagnostics;
using System.Text.Json;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Study;

/// <summary>`ask --json` as a study partner: /quiz numbers its options, the next line answers it, /score counts it.</summary>
public sealed class AskQuizTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string> Env => new() { ["Storage__Path"] = _temp.File("ask.db") };

    [Theory]
    [InlineData("en", true)]
    [InlineData("ru", false)]
    public async Task The_line_after_a_quiz_answers_it_and_the_score_counts_it(string lang, bool answerRight)
    {
        var index = new KnowledgeIndex(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));
        using var process = Process.Start(AppProcess.StartInfo(["ask", "--json", "--lang", lang], environment: Env))!;
        async Task<string> Say(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
            return await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) ?? "";
        }

        var reply = await Say("/quiz korea");
        var lines = Text(reply).Split('\n');
        // The question as the generator made it from the knowledge, found by its text: its right option is known.
        var dealt = QuizGenerator.All(index, lang == "en" ? Lang.En : Lang.Ru).Single(q => q.Text == lines[0]);
        var options = lines.Skip(1).Take(dealt.Options.Count).Select(l => l[3..]).ToList();
        Assert.Equal(dealt.Options.Order(), options.Order());
        Assert.Empty(Facts(reply));
        var right = options.IndexOf(dealt.CorrectOption) + 1;
        var answer = answerRight ? right : right % options.Count + 1;

        var verdict = await Say($"{answer}");
        Assert.StartsWith(answerRight ? "✅" : "❌", Text(verdict));
        Assert.Contains("§" + dealt.Citation.Section, Text(verdict));
        Assert.Contains(dealt.SourceId, Facts(verdict));
        var score = Text(await Say("/score me"));
        Assert.Contains(lang == "en" ? $"{(answerRight ? 1 : 0)} right of 1" : $"{(answerRight ? 1 : 0)} верных из 1", score);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task A_line_that_is_no_option_is_a_question_of_its_own()
    {
        var (_, stdout, _) = await AppProcess.RunAsync(["ask", "--json", "--lang", "en"], "/quiz gii\n/country korea\n7\n", environment: Env);
        var replies = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, replies.Length);
        Assert.Contains("South Korea", Text(replies[1]));
        Assert.DoesNotContain("✅", Text(replies[2]));
        Assert.DoesNotContain("❌", Text(replies[2]));
    }

    private static string Text(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("text").GetString()!;
    }

    private static List<string> Facts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("facts").EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
