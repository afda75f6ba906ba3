namespace ClusterBot.Data.State;

/// <summary>
/// What differs between the two engines in the statements the stores run. Times are ISO-8601 text in SQLite (it
/// has no time type; the fixed-width UTC form sorts as it compares) and `timestamptz` in PostgreSQL.
/// </summary>
public sealed class SqlDialect
{
    public static readonly SqlDialect Sqlite = new(
        stamp: at => at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        dayOf: column => $"substr({column}, 1, 10)",
        isoMinuteOf: column => $"substr({column}, 1, 16)",
        skipLocked: "");

    public static readonly SqlDialect Postgres = new(
        stamp: at => at.ToUniversalTime(),
        dayOf: column => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
        isoMinuteOf: column => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI')",
        skipLocked: "FOR UPDATE SKIP LOCKED");

    private readonly Func<DateTimeOffset, object> _stamp;
    private readonly Func<string, string> _dayOf;
    private readonly Func<string, string> _isoMinuteOf;

    private SqlDialect(Func<DateTimeOffset, object> stamp, Func<string, string> dayOf, Func<string, string> isoMinuteOf, string skipLocked)
    {
        _stamp = stamp;
        _dayOf = dayOf;
        _isoMinuteOf = isoMinuteOf;
        SkipLocked = skipLocked;
    }

    /// <summary>A point in time as this engine's parameter value.</summary>
    public object Stamp(DateTimeOffset at) => _stamp(at);

    /// <summary>An expression for the UTC day of a time column, as 'yyyy-MM-dd' text.</summary>
    public string DayOf(string column) => _dayOf(column);

    /// <summary>An expression for a time column to the minute, as 'yyyy-MM-ddTHH:mm' text.</summary>
    public string IsoMinuteOf(string column) => _isoMinuteOf(column);

    /// <summary>
    /// The row-locking clause of a queue's pick: PostgreSQL locks the picked row and lets a concurrent pick skip it;
    /// SQLite needs nothing, since a write statement holds the whole database.
    /// </summary>
    public string SkipLocked { get; }
}
