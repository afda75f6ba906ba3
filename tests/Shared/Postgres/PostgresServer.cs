using System.Diagnostics;
using Npgsql;
using Xunit;

namespace ClusterBot.Testing;

/// <summary>
/// The PostgreSQL server the tests run against: `CLUSTERBOT_TEST_POSTGRES`, a connection string for a user that may
/// create databases (`.ci/postgres start DIR` starts such a server and prints the line to export). Never a mock:
/// without a server the PostgreSQL tests are skipped, saying so, on a developer's machine, and fail in CI.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "CLUSTERBOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string; in a [SkippableFact], skips the test when there is none (outside CI).</summary>
    public static string ConnectionStringOrSkip()
    {
        if (ConnectionString is { } s) return s;
        if (InCi) throw new InvalidOperationException($"{Variable} is not set: in CI the PostgreSQL tests must run (.ci/run starts a server).");
        Skip.If(true, $"PostgreSQL tests need a server: set {Variable} (eval \"$(.ci/postgres start /tmp/clusterbot-pg)\" starts one).");
        throw new UnreachableException();
    }
}

/// <summary>A database of its own for one test on the test server, dropped (connections and all) at the end.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _admin;
    private readonly string _name = "clusterbot_test_" + Guid.NewGuid().ToString("N")[..12];

    public PostgresTestDatabase()
    {
        _admin = PostgresServer.ConnectionStringOrSkip();
        Execute(_admin, $"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _name }.ToString();
    }

    public string ConnectionString { get; }

    /// <summary>One value from the test's database (a count, say).</summary>
    public long Scalar(string sql)
    {
        using var c = new NpgsqlConnection(ConnectionString);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute(_admin, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var c = new NpgsqlConnection(connectionString);
        c.Open();
        using var command = new NpgsqlCommand(sql, c);
        command.ExecuteNonQuery();
    }
}
