using ClusterBot.ConsoleChat;
using ClusterBot.Core;
using ClusterBot.Data;
using ClusterBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.Tests.ConsoleChat;

public sealed class ConsoleChatServiceTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_console_chat_answers_until_quit_and_stops_the_host()
    {
        var output = new StringWriter();
        using var host = BuildHost(new StringReader("/help\nсколько кластеров было в Корее к 2012?\n\n/lang en\n/country korea\n/quit\nnever read\n"), output);

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var text = output.ToString();
        Assert.Contains("/country", text);
        Assert.Contains("193", text);
        Assert.Contains("South Korea", text);
        Assert.DoesNotContain("never read", text);
    }

    [Fact]
    public async Task End_of_input_leaves_the_chat()
    {
        var output = new StringWriter();
        using var host = BuildHost(new StringReader("торч\n"), output);
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("TORCH", output.ToString());
    }

    [Fact]
    public async Task The_greeting_s_example_and_the_quote_follow_up_come_from_the_knowledge()
    {
        using var knowledge = new QuotedKnowledge();
        var output = new StringWriter();
        using var host = BuildHost(new StringReader("/fact sy-sawmill-clusters\n"), output, knowledge.Path);
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var text = output.ToString();
        Assert.Contains("e.g. «Сколько кластеров лесопилок в Сильвании?»", text);
        Assert.Contains("→ /quote sy-sawmill-clusters", text);
    }

    [Fact]
    public async Task A_quiz_is_answered_by_the_next_line_and_scored_for_the_console()
    {
        // Three questions, each answered by the line after it: three verdicts, three answers on the console's score.
        var lines = string.Concat(Enumerable.Range(1, 3).Select(n => $"/quiz gii\n{n}\n")) + "/score me\n";
        var output = new StringWriter();
        using var host = BuildHost(new StringReader(lines), output);
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var text = output.ToString();
        var verdicts = text.Split('\n').Count(l => l.Contains('✅', StringComparison.Ordinal) || l.Contains('❌', StringComparison.Ordinal));
        Assert.Equal(3, verdicts);
        Assert.Contains("из 3", text);
        Assert.Contains("§1", text);
    }

    private IHost BuildHost(TextReader input, TextWriter output, string? knowledge = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = _temp.File("chat.db"),
            ["Knowledge:Path"] = knowledge ?? RepoPaths.Knowledge,
        });
        builder.Services.AddSingleton(new ConsoleChatIo(input, output));
        builder.Services.AddClusterBotCore(builder.Configuration);
        builder.Services.AddClusterBotStore(builder.Configuration);
        builder.Services.AddConsoleChat();
        return builder.Build();
    }
}
