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

    /// <summary>How often the running bot looks for edits of the knowledge folder; 0 turns live reload off.</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 3600)]
    public int ReloadSeconds { get; set; } = 2;

    public string ResolvePath() => string.IsNullOrWhiteSpace(Path)
        ? System.IO.Path.Combine(AppContext.BaseDirectory, "knowledge")
        : System.IO.Path.GetFullPath(Path);
}
