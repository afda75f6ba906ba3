using System.Data.Common;
using Dapper;
using Npgsql;

namespace ClusterBot.Data.State;

/// <summary>
/// The operational state in PostgreSQL, shared by every instance. Migrations run under a session advisory lock,
/// so instances starting at once apply each step exactly once: the others wait, then find it recorded.
/// </summary>
public sealed class PostgresStateDatabase : StateDatabase, IDisposable
{
    /// <summary>The advisory lock's key: any fixed number other applications on the database do not use.</summary>
    private const long MigrationLock = 0x436c75737465; // "Cluste"

    private readonly NpgsqlDataSource _source;

    public PostgresStateDatabase(string connectionString) => _source = NpgsqlDataSource.Create(connectionString);

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override string Name => "postgres";

    protected override DbConnection OpenConnection() => _source.OpenConnection();

    // SQLSTATE classes 22 (data exception: a value the type cannot hold) and 23 (integrity constraint violation).
    public override bool RefusesValues(DbException e) => e is PostgresException { SqlState: ['2', '2' or '3', ..] };

    protected override int Migrate()
    {
        using var c = _source.OpenConnection();
        c.Execute("SELECT pg_advisory_lock(@key)", new { key = MigrationLock });
        try
        {
            c.Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = c.Query<int>("SELECT version FROM schema_migrations").ToHashSet();
            var count = 0;
            foreach (var step in Migrations.Postgres.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                using var tx = c.BeginTransaction();
                c.Execute(step.Sql, transaction: tx);
                c.Execute("INSERT INTO schema_migrations (version, name) VALUES (@Version, @Name)", new { step.Version, step.Name }, tx);
                tx.Commit();
                count++;
            }

            return count;
        }
        finally
        {
            c.Execute("SELECT pg_advisory_unlock(@key)", new { key = MigrationLock });
        }
    }

    public void Dispose() => _source.Dispose();
}
