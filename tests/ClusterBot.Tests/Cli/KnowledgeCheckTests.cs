using ClusterBot.Testing;

namespace ClusterBot.Tests.Cli;

public sealed class KnowledgeCheckTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_shipped_knowledge_is_valid_and_counted()
    {
        var (exit, stdout, _) = await AppProcess.RunAsync(["knowledge", "check"]);
        Assert.Equal(0, exit);
        Assert.Contains("3 countries", stdout);
        Assert.Contains("facts", stdout);
    }

    [Fact]
    public async Task A_broken_file_is_reported_with_file_and_line()
    {
        var folder = _temp.CopyKnowledge();
        var korea = Path.Combine(folder, "korea.yaml");
        File.WriteAllText(korea, File.ReadAllText(korea).Replace("en: \"South Korea\"", "", StringComparison.Ordinal));

        var (exit, _, stderr) = await AppProcess.RunAsync(["knowledge", "check", "--path", folder]);
        Assert.Equal(1, exit);
        Assert.Matches(@"korea\.yaml:\d+: `name` has no English text", stderr);
    }
}
