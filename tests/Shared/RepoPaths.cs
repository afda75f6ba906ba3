namespace ClusterBot.Testing;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The shared folder laid beside the repository (the eval questions and grader live there).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ClusterBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary folder removed when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clusterbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A SQLite file for the test's store.</summary>
    public string Database => File("clusterbot.db");

    /// <summary>A copy of the repository's knowledge folder that a test may edit.</summary>
    public string CopyKnowledge()
    {
        var target = System.IO.Path.Combine(Path, "knowledge");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Knowledge, "*.yaml"))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }

        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing test: the OS temp cleaner will take it.
        }
    }
}
