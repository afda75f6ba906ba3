using System.Diagnostics;
using ClusterBot.Data.State;
using ClusterBot.Testing;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

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
    private readonly string _admin;
    private readonly string _name = "clusterbot_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _connectionString;
    private readonly List<PostgresStateDatabase> _opened = [];

    public PostgresTestDatabases()
    {
        _admin = PostgresServer.ConnectionStringOrSkip();
        using (var c = new NpgsqlConnection(_admin))
        {
            c.Open();
            c.Execute($"CREATE DATABASE {_name}");
        }

        _connectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ToString();
    }

    public override string Provider => "postgres";

    public string ConnectionString => _connectionString;

    public override StateDatabase Open()
    {
        var database = new PostgresStateDatabase(_connectionString);
        lock (_opened) _opened.Add(database);
        return database;
    }

    public override void Dispose()
    {
        lock (_opened) _opened.ForEach(d => d.Dispose());
        NpgsqlConnection.ClearAllPools();
        using var c = new NpgsqlConnection(_admin);
        c.Open();
        c.Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }
}

/// <summary>
/// The PostgreSQL server the tests run against: `CLUSTERBOT_TEST_POSTGRES`, a connection string to a database the
/// user may create databases from (`.ci/postgres start DIR` starts one and prints it). Never a mock: without a
/// server the PostgreSQL half is skipped, saying so, on a developer's machine, and fails in CI.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CLUSTERBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string ConnectionStringOrSkip()
    {
        if (ConnectionString is { } s) return s;
        if (InCi) throw new InvalidOperationException($"{Variable} is not set: in CI the PostgreSQL store tests must run (.ci/run starts a server).");
        Skip.If(true, $"PostgreSQL store tests need a server: set {Variable} (eval \"$(.ci/postgres start /tmp/clusterbot-pg)\" starts one).");
        throw new UnreachableException();
    }
}
