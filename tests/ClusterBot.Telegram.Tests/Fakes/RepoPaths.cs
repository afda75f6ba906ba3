namespace ClusterBot.Telegram.Tests.Fakes;

public static class RepoPaths
{
    /// <summary>The repository root: the folder holding ClusterBot.sln above the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ClusterBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder for one test's SQLite file, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clusterbot-tg-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string Database => System.IO.Path.Combine(Path, "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
