using ClusterBot.Core.Abstractions;
using Dapper;

namespace ClusterBot.Data;

/// <summary>
/// Candidate documents from the FTS5 index, best bm25 first. Every stem is sent as a quoted FTS5 string,
/// so no user input can form FTS5 syntax (AND, NEAR(, *, column filters) or raise a syntax error.
/// </summary>
public sealed class Fts5CandidateSearch(SqliteDatabase database) : ICandidateSearch
{
    public IReadOnlyList<string> Find(IReadOnlyCollection<string> stems, int limit)
    {
        var terms = stems.Where(s => s.Length > 0).Select(Quote).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        using var c = database.Open();
        // Names weigh most, then the curated keywords, then the running text.
        return c.Query<string>(
                "SELECT doc_id FROM docs_fts WHERE docs_fts MATCH @match ORDER BY bm25(docs_fts, 0.0, 5.0, 3.0, 1.0) LIMIT @limit",
                new { match = string.Join(" OR ", terms), limit })
            .ToList();
    }

    /// <summary>An FTS5 string literal: wrapped in double quotes, inner quotes doubled.</summary>
    public static string Quote(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
