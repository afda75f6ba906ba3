using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Data;

/// <summary>Where the operational state (handled updates, the webhook inbox, chat settings, the question log) lives.</summary>
public enum StorageProvider
{
    /// <summary>In the instance's own SQLite file, beside the knowledge: nothing to install.</summary>
    Sqlite,

    /// <summary>In a PostgreSQL database that several instances share.</summary>
    Postgres,
}

/// <summary>Bound from the `Storage` configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite file, relative to the working directory unless absolute. It always holds the knowledge.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "data/clusterbot.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql's keywords), required with the Postgres provider.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a claim on an update stays an instance's without being renewed; renewed every quarter of it, so a
    /// dead instance's updates are taken over by another this long after its last renewal.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(2, 300)]
    public int LeaseSeconds { get; set; } = 20;
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

/// <summary>Checks the attributes on <see cref="StorageOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidation : IValidateOptions<StorageOptions>;

/// <summary>Checks the attributes on <see cref="KnowledgeOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class KnowledgeOptionsValidation : IValidateOptions<KnowledgeOptions>;
