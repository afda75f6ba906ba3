using System.Data.Common;

namespace ClusterBot.Data.State;

/// <summary>
/// The database that holds what must survive a restart and be shared by every instance: handled updates, the
/// webhook inbox, chat settings and the question log. SQLite (the instance's own file) or PostgreSQL; the stores
/// speak to either through Dapper and the few differences named by <see cref="SqlDialect"/>. The schema is
/// migrated once, before the first connection is handed out.
/// </summary>
public abstract class StateDatabase
{
    private readonly Lazy<int> _migrated;

    protected StateDatabase() => _migrated = new Lazy<int>(MigrateOrExplain, LazyThreadSafetyMode.ExecutionAndPublication);

    public abstract SqlDialect Dialect { get; }

    /// <summary>Which engine this is, for log lines and readiness ("sqlite", "postgres").</summary>
    public abstract string Name { get; }

    /// <summary>An open connection on a migrated schema.</summary>
    public DbConnection Open()
    {
        EnsureMigrated();
        return OpenConnection();
    }

    /// <summary>Applies the migrations not yet applied; returns how many this call applied (0 once current).</summary>
    public int EnsureMigrated() => _migrated.Value;

    /// <summary>
    /// True when the engine refused a statement for the values it carries (a constraint, a value the column cannot
    /// hold), not because the database is away: retrying the same values fails alike, while other rows would go in.
    /// </summary>
    public abstract bool RefusesValues(DbException e);

    protected abstract DbConnection OpenConnection();

    private int MigrateOrExplain()
    {
        try
        {
            return Migrate();
        }
        catch (DbException ex)
        {
            // The provider's message names the host or the SQL error, never the connection string's password.
            throw new StateDatabaseUnavailableException($"Storage: the {Name} state database could not be opened or migrated: {ex.Message}", ex);
        }
    }

    protected abstract int Migrate();
}
