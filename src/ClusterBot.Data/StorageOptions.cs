using System.ComponentModel.DataAnnotations;

namespace ClusterBot.Data;

/// <summary>Bound from the `Storage` configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file, relative to the working directory unless absolute.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/clusterbot.db";
}

/// <summary>Bound from the `Knowledge` configuration section.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The knowledge folder; by default the copy shipped next to the app.</summary>
    public string? Path { get; set; }

    public string ResolvePath() => string.IsNullOrWhiteSpace(Path)
        ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge")
        : System.IO.Path.GetFullPath(Path);
}
