using ClusterBot.Data.State;
using ClusterBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data.Tests.State;

/// <summary>
/// Fresh, empty state databases for one test, all on one place (a SQLite file, or a PostgreSQL database made for
/// the test), so a test can open several "instances" over the same state, as servers behind a balancer do.
/// </summary>
public abstract class TestDatabases : IDisposable
{
    public abstract string Provider { get; }

    /// <summary>A new connection pool over the test's database: what another process, or a restart, would open.</summary>
    public abstract StateDatabase Open();

    public abstract void Dispose();
}

public sealed class SqliteTestDatabases : TestDatabases
{
    private readonly TempFolder _temp = new();

    public override string Provider => "sqlite";

    public string Path => _temp.File("store.db");

    public override StateDatabase Open() => new SqliteStateDatabase(new SqliteDatabase(Path));

    public override void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}

public sealed class PostgresTestDatabases : TestDatabases
{
    private readonly PostgresTestDatabase _database = new();
    private readonly List<PostgresStateDatabase> _opened = [];

    public override string Provider => "postgres";

    public override StateDatabase Open()
    {
        var database = new PostgresStateDatabase(_database.ConnectionString);
        lock (_opened) _opened.Add(database);
        return database;
    }

    public override void Dispose()
    {
        lock (_opened) _opened.ForEach(d => d.Dispose());
        _database.Dispose();
    }
}
