using ClusterBot.Testing;

namespace ClusterBot.Tests.Hosting;

/// <summary>How the built app refuses a storage configuration it cannot use: exit code 1 and one line naming the key.</summary>
public sealed class StorageConfigurationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private async Task<string> FailsWithOneLine(Dictionary<string, string> env)
    {
        env["Storage__Path"] = _temp.Database;
        var (exit, stdout, stderr) = await AppProcess.RunAsync(["report", "usage"], environment: env);
        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        return Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_names_the_key() =>
        Assert.Contains("Storage:ConnectionString is required with Storage:Provider=Postgres",
            await FailsWithOneLine(new() { ["Storage__Provider"] = "Postgres" }), StringComparison.Ordinal);

    [Fact]
    public async Task An_unknown_provider_names_the_key() =>
        Assert.Contains("Storage:Provider", await FailsWithOneLine(new() { ["Storage__Provider"] = "Mongo" }), StringComparison.Ordinal);

    [Fact]
    public async Task An_unreachable_server_is_one_line_without_the_password()
    {
        var line = await FailsWithOneLine(new()
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=bot;Password=hunter2-secret;Timeout=3",
        });
        Assert.Contains("Storage: the postgres state database could not be opened or migrated", line, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", line, StringComparison.Ordinal);
    }
}
