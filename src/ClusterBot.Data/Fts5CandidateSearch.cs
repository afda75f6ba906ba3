using System.Collections.Concurrent;
using ClusterBot.Core.Abstractions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data;

/// <summary>
/// Candidate documents from the FTS5 index. Every stem is sent as a quoted FTS5 string, so no user input can form
/// FTS5 syntax (AND, NEAR(, *, column filters) or raise a syntax error. This is the hot path of every question:
/// the statement stays prepared on a few pooled connections, and the matches come back as rowids mapped to ids in
/// memory, best first by `rank` (bm25 with the column weights the import set: names, then keywords, then text).
/// </summary>
public sealed class Fts5CandidateSearch(SqliteDatabase database) : ICandidateSearch, IDisposable
{
    private const int PooledStatements = 8;
    private readonly ConcurrentBag<PreparedSearch> _pool = [];
    // A query in a field initializer's lambda is not intercepted by Dapper.AOT; a method's is.
    private readonly Lazy<Dictionary<long, string>> _idsByRowId = new(() => LoadIds(database));

    private volatile bool _disposed;

    public IReadOnlyList<string> Find(IReadOnlyCollection<string> stems, int limit)
    {
        var terms = stems.Where(s => s.Length > 0).Select(Quote).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var ids = _idsByRowId.Value;
        var search = _pool.TryTake(out var pooled) ? pooled : new PreparedSearch(database);
        try
        {
            var found = new List<string>();
            foreach (var rowId in search.Run(string.Join(" OR ", terms), limit))
            {
                if (ids.TryGetValue(rowId, out var id)) found.Add(id);
            }

            return found;
        }
        finally
        {
            if (_disposed || _pool.Count >= PooledStatements) search.Dispose();
            else _pool.Add(search);
        }
    }

    private static Dictionary<long, string> LoadIds(SqliteDatabase database)
    {
        using var c = database.Open();
        return c.Query<RowIdRow>("SELECT rowid AS RowId, doc_id AS Id FROM docs_fts").ToDictionary(r => r.RowId, r => r.Id);
    }

    /// <summary>An FTS5 string literal: wrapped in double quotes, inner quotes doubled.</summary>
    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public void Dispose()
    {
        _disposed = true;
        while (_pool.TryTake(out var search)) search.Dispose();
    }

    /// <summary>A row of the id map, read by Dapper.AOT's generated reader (internal: it lives outside this class).</summary>
    internal sealed class RowIdRow
    {
        public long RowId { get; init; }
        public string Id { get; init; } = "";
    }

    /// <summary>One connection with the MATCH statement prepared once and reused.</summary>
    private sealed class PreparedSearch : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _match;
        private readonly SqliteParameter _limit;

        public PreparedSearch(SqliteDatabase database)
        {
            _connection = database.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = "SELECT rowid FROM docs_fts WHERE docs_fts MATCH $match ORDER BY rank LIMIT $limit";
            _match = _command.Parameters.Add("$match", SqliteType.Text);
            _limit = _command.Parameters.Add("$limit", SqliteType.Integer);
            _match.Value = "\"\"";
            _limit.Value = 1;
            _command.Prepare();
        }

        public List<long> Run(string match, int limit)
        {
            _match.Value = match;
            _limit.Value = limit;
            var rows = new List<long>();
            using var reader = _command.ExecuteReader();
            while (reader.Read()) rows.Add(reader.GetInt64(0));
            return rows;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
