using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ClusterBot.Data;

/// <summary>
/// The SQLite file: opens connections and keeps the knowledge schema current. It holds the knowledge (rebuilt
/// from the knowledge folder) and, unless PostgreSQL is configured, what must survive a restart (chat settings,
/// handled updates, the inbox, analytics: see <see cref="State.SqliteStateDatabase"/>).
/// </summary>
public sealed class SqliteDatabase
{
    private const int SchemaVersion = 5;

    /// <summary>
    /// The engine connections already given the settings below. A pooled SqliteConnection hands out the same engine
    /// connection again, and the settings are the engine connection's, so they are set once per engine connection,
    /// not on every open: two statements less on every store call.
    /// </summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    private readonly string _connectionString;

    public SqliteDatabase(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 10,
        }.ToString();
        EnsureSchema();
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        if (connection.Handle is { } handle && _configured.TryGetValue(handle, out _)) return connection;
        // Several instances (or a reload) may write while others read: wait for the lock instead of failing.
        // WAL with synchronous=NORMAL: a commit is durable against a process crash without an fsync per question.
        connection.Execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        if (connection.Handle is { } configured) _configured.TryAdd(configured, configured);
        return connection;
    }

    private void EnsureSchema()
    {
        using var c = Open();
        c.Execute("PRAGMA journal_mode = WAL;");
        var version = c.ExecuteScalar<long>("PRAGMA user_version;");
        if (version == SchemaVersion) return;

        using var tx = c.BeginTransaction();
        foreach (var table in Schema.KnowledgeTables)
        {
            c.Execute($"DROP TABLE IF EXISTS {table}", transaction: tx);
        }

        c.Execute(Schema.Sql, transaction: tx);
        // A new schema may index knowledge differently: forget the imported hash so the next start re-imports.
        c.Execute("DELETE FROM meta WHERE key = 'knowledge_hash'", transaction: tx);
        c.Execute($"PRAGMA user_version = {SchemaVersion};", transaction: tx);
        tx.Commit();
    }
}
