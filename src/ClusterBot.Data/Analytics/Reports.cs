using System.Globalization;
using System.Text;
using ClusterBot.Core.Text;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data.Analytics;

/// <summary>
/// The curator's and operator's views of the question log: usage per day, and the unanswered questions
/// grouped (same words in any form or order count as one) with the fact each almost matched.
/// </summary>
public sealed class Reports(StateDatabase database)
{
    public sealed record DayUsage(string Day, int Questions, int Answered, int NotFound, int OutOfScope, int Invalid)
    {
        public double AnsweredRatio => Questions == 0 ? 0 : (double)Answered / Questions;
    }

    public sealed record UnansweredGroup(string Example, int Count, string? Closest, string LastAsked, IReadOnlyList<string> Platforms);

    public IReadOnlyList<DayUsage> Usage(DateTimeOffset since)
    {
        using var c = database.Open();
        return c.Query<(string Day, long Questions, long Answered, long NotFound, long OutOfScope, long Invalid)>($"""
                SELECT {database.Dialect.DayOf("at")} AS day, count(*),
                       count(*) FILTER (WHERE outcome = 'answered'), count(*) FILTER (WHERE outcome = 'not_found'),
                       count(*) FILTER (WHERE outcome = 'out_of_scope'), count(*) FILTER (WHERE outcome = 'invalid')
                FROM questions WHERE at >= @since GROUP BY day ORDER BY day
                """, new { since = database.Dialect.Stamp(since) })
            .Select(r => new DayUsage(r.Day, (int)r.Questions, (int)r.Answered, (int)r.NotFound, (int)r.OutOfScope, (int)r.Invalid))
            .ToList();
    }

    public IReadOnlyList<(string Command, int Count)> TopCommands(DateTimeOffset since, int top)
    {
        using var c = database.Open();
        return c.Query<(string Command, long Count)>(
                "SELECT command, count(*) AS n FROM questions WHERE at >= @since AND command IS NOT NULL GROUP BY command ORDER BY n DESC, command LIMIT @top",
                new { since = database.Dialect.Stamp(since), top })
            .Select(r => (r.Command, (int)r.Count)).ToList();
    }

    public IReadOnlyList<UnansweredGroup> Unanswered(DateTimeOffset since, int top)
    {
        using var c = database.Open();
        var rows = c.Query<(string Normalised, string? Closest, string At, string Platform)>(
            $"SELECT normalised, closest, {database.Dialect.IsoMinuteOf("at")}, platform FROM questions WHERE at >= @since AND outcome <> 'answered' AND normalised <> '' ORDER BY at",
            new { since = database.Dialect.Stamp(since) });
        return rows
            .GroupBy(r => GroupKey(r.Normalised))
            .Select(g => new UnansweredGroup(
                g.GroupBy(r => r.Normalised).OrderByDescending(x => x.Count()).First().Key,
                g.Count(),
                g.Select(r => r.Closest).LastOrDefault(x => x is not null),
                g.Max(r => r.At)!.Replace('T', ' '),
                g.Select(r => r.Platform).Distinct().Order().ToList()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Example, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    /// <summary>Stems without stop words, sorted: "кластеры в корее?" and "Корея кластер" fall together.</summary>
    public static string GroupKey(string normalised)
    {
        var stems = TextNormaliser.Tokenise(normalised).Where(t => !StopWords.Contains(t)).Select(WordStemmer.Stem).Distinct().Order(StringComparer.Ordinal);
        var key = string.Join(' ', stems);
        return key.Length > 0 ? key : normalised;
    }

    public string FormatUsage(DateTimeOffset since, int top)
    {
        var sb = new StringBuilder();
        var days = Usage(since);
        sb.AppendLine(CultureInfo.InvariantCulture, $"Questions since {since:yyyy-MM-dd}:");
        sb.AppendLine("day          questions  answered  not found  out of scope  invalid  answered %");
        foreach (var d in days)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{d.Day}  {d.Questions,9}  {d.Answered,8}  {d.NotFound,9}  {d.OutOfScope,12}  {d.Invalid,7}  {d.AnsweredRatio,9:P0}");
        }

        var total = days.Sum(d => d.Questions);
        var answered = days.Sum(d => d.Answered);
        sb.AppendLine(CultureInfo.InvariantCulture, $"total        {total,9}  {answered,8}  {(total == 0 ? "" : $"answered {(double)answered / total:P0}")}");
        var commands = TopCommands(since, top);
        if (commands.Count > 0)
        {
            sb.AppendLine("top commands:");
            foreach (var (command, count) in commands) sb.AppendLine(CultureInfo.InvariantCulture, $"  /{command,-12} {count}");
        }

        return sb.ToString();
    }

    public string FormatUnanswered(DateTimeOffset since, int top)
    {
        var groups = Unanswered(since, top);
        if (groups.Count == 0) return $"No unanswered questions since {since:yyyy-MM-dd}.";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Unanswered questions since {since:yyyy-MM-dd}, most frequent first (closest fact in brackets):");
        foreach (var g in groups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{g.Count,5}×  {g.Example}  [{g.Closest ?? "no close fact"}]  last {g.LastAsked} via {string.Join(", ", g.Platforms)}");
        }

        return sb.ToString();
    }
}
