using System.Text.Json;
using ClusterBot.Testing;

namespace ClusterBot.Tests.Cli;

public sealed class AskCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string> Env => new() { ["Storage__Path"] = _temp.File("ask.db") };

    [Fact]
    public async Task Plain_ask_answers_from_any_working_directory()
    {
        var (exit, stdout, stderr) = await AppProcess.RunAsync(["ask", "/country korea"], workingDirectory: _temp.Path, environment: Env);
        Assert.Equal(0, exit);
        Assert.Contains("Южная Корея", stdout);
        Assert.Contains("§2.2", stdout);
        Assert.DoesNotContain("info:", stdout + stderr);
        Assert.True(File.Exists(_temp.File("ask.db")));
    }

    [Fact]
    public async Task A_warning_of_ask_reaches_stderr_unless_the_console_rules_say_otherwise()
    {
        // No font: the painter warns once, through the console logger, and the timeline goes as text.
        var env = new Dictionary<string, string>(Env) { ["Timeline__FontPath"] = _temp.File("no-such-font.ttf") };
        string[] args = ["ask", "--out", _temp.File("timeline.png"), "/timeline korea"];
        var (exit, stdout, stderr) = await AppProcess.RunAsync(args, workingDirectory: _temp.Path, environment: env);
        Assert.Equal(0, exit);
        Assert.NotEmpty(stdout);
        Assert.Contains("Timelines go as text: no usable font", stderr);

        env["Logging__Console__LogLevel__Default"] = "Error";
        (exit, _, stderr) = await AppProcess.RunAsync(args, workingDirectory: _temp.Path, environment: env);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("Timelines go as text", stderr);
        Assert.Contains("no picture", stderr);
    }

    [Fact]
    public async Task Json_mode_answers_every_line_in_order_even_bad_ones()
    {
        string[] inputs =
        [
            "",
            new string('x', 5000),
            "сколько\u0001\u0002 кластеров",
            "'; DROP TABLE facts; --",
            "\"NEAR(",
            "🤖🤖🤖",
            "/country korea",
            "\u001b[31mred",
        ];
        var (exit, stdout, stderr) = await AppProcess.RunAsync(["ask", "--json"], string.Join('\n', inputs) + "\n", environment: Env);
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == inputs.Length, stdout + stderr);
        for (var i = 0; i < inputs.Length; i++)
        {
            using var json = JsonDocument.Parse(lines[i]);
            var root = json.RootElement;
            Assert.Equal(inputs[i], root.GetProperty("query").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("text").GetString()));
            Assert.Contains(root.GetProperty("lang").GetString(), new[] { "ru", "en" });
            foreach (var name in new[] { "sources", "facts", "followUps" })
            {
                Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
            }

            Assert.Equal(i == 6, root.GetProperty("answered").GetBoolean());
        }

        // The store is intact after the SQL-looking input.
        var (_, again, _) = await AppProcess.RunAsync(["ask", "/programme torch"], environment: Env);
        Assert.Contains("TORCH", again);
    }

    [Fact]
    public async Task Json_mode_shows_the_quote_follow_up_and_the_quote_with_its_source()
    {
        using var knowledge = new QuotedKnowledge();
        var env = new Dictionary<string, string>(Env) { ["Knowledge__Path"] = knowledge.Path };
        string[] inputs = ["Сколько кластеров лесопилок в Сильвании?", "/quote sy-sawmill-clusters", "/quote no-such-entry"];
        var (exit, stdout, stderr) = await AppProcess.RunAsync(["ask", "--json"], string.Join('\n', inputs) + "\n", environment: env);
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(lines.Count == inputs.Length, stdout + stderr);

        Assert.Contains("/quote sy-sawmill-clusters", lines[0].GetProperty("followUps").EnumerateArray().Select(f => f.GetString()));
        Assert.True(lines[1].GetProperty("answered").GetBoolean());
        Assert.Contains("«В стране действуют 42 кластера лесопилок»", lines[1].GetProperty("text").GetString());
        Assert.Equal(["Источник: «Опыт лесных кластеров», §2.1, ссылка [1]"], lines[1].GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["sy-sawmill-clusters"], lines[1].GetProperty("facts").EnumerateArray().Select(s => s.GetString()));
        Assert.False(lines[2].GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Lang_option_chooses_the_language_where_the_question_does_not()
    {
        var (_, stdout, _) = await AppProcess.RunAsync(["ask", "--json", "--lang", "en"], "/country korea\nсколько кластеров в корее к 2012\n", environment: Env);
        var langs = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("lang").GetString());
        Assert.Equal(["en", "ru"], langs);
    }

    [Fact]
    public async Task A_command_for_another_bot_is_left_alone_with_a_line_saying_so()
    {
        var (_, stdout, _) = await AppProcess.RunAsync(["ask", "--json"], "/help@OtherBot\n/country@ClusterBot china\n", environment: Env);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.False(lines[0].GetProperty("answered").GetBoolean());
        Assert.Contains("OtherBot", lines[0].GetProperty("text").GetString());
        Assert.True(lines[1].GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task Help_describes_the_commands()
    {
        var (exit, stdout, _) = await AppProcess.RunAsync(["ask", "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains("--json", stdout);
        Assert.Contains("--lang", stdout);
    }

    [Fact]
    public async Task Ask_without_a_question_explains_itself()
    {
        var (exit, _, stderr) = await AppProcess.RunAsync(["ask"], environment: Env);
        Assert.Equal(2, exit);
        Assert.Contains("--json", stderr);
    }
}
