using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data.State;

/// <summary>
/// The operational state in the instance's own SQLite file, beside the knowledge (the default: nothing to
/// install). Migrations run in one immediate transaction, so of two processes starting on one file the second
/// waits for the first and then finds nothing left to do.
/// </summary>
public sealed class SqliteStateDatabase(SqliteDatabase file) : StateDatabase
{
    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override string Name => "sqlite";

    protected override DbConnection OpenConnection() => file.Open();

    // SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH: the row, not the file, is at fault.
    public override bool RefusesValues(DbException e) => e is SqliteException { SqliteErrorCode: 18 or 19 or 20 };

    protected override int Migrate()
    {
        using var c = file.Open();
        // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the write lock is taken before the versions are read.
        using var tx = c.BeginTransaction();
        c.Execute(Migrations.TableSql, transaction: tx);
        var applied = c.Query<long>("SELECT version FROM schema_migrations", transaction: tx).ToHashSet();
        var count = 0;
        foreach (var step in Migrations.Sqlite.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
        {
            c.Execute(step.Sql, transaction: tx);
            c.Execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @at)",
                new { step.Version, step.Name, at = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture) }, tx);
            count++;
        }

        tx.Commit();
        return count;
    }
}
