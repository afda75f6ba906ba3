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
        return c.Query<DayRow>($"""
                SELECT {database.Dialect.DayOf("at")} AS day, count(*) AS questions,
                       count(*) FILTER (WHERE outcome = 'answered') AS answered, count(*) FILTER (WHERE outcome = 'not_found') AS notfound,
                       count(*) FILTER (WHERE outcome = 'out_of_scope') AS outofscope, count(*) FILTER (WHERE outcome = 'invalid') AS invalid
                FROM questions WHERE at >= @since GROUP BY day ORDER BY day
                """, new { since = database.Dialect.Stamp(since) })
            .Select(r => new DayUsage(r.Day, (int)r.Questions, (int)r.Answered, (int)r.NotFound, (int)r.OutOfScope, (int)r.Invalid))
            .ToList();
    }

    public IReadOnlyList<(string Command, int Count)> TopCommands(DateTimeOffset since, int top)
    {
        using var c = database.Open();
        return c.Query<CommandRow>(
                "SELECT command, count(*) AS count FROM questions WHERE at >= @since AND command IS NOT NULL GROUP BY command ORDER BY count DESC, command LIMIT @top",
                new { since = database.Dialect.Stamp(since), top })
            .Select(r => (r.Command, (int)r.Count)).ToList();
    }

    public IReadOnlyList<UnansweredGroup> Unanswered(DateTimeOffset since, int top)
    {
        using var c = database.Open();
        var rows = c.Query<UnansweredRow>(
            $"SELECT normalised, closest, {database.Dialect.IsoMinuteOf("at")} AS at, platform FROM questions WHERE at >= @since AND outcome <> 'answered' AND normalised <> '' ORDER BY at",
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
    // Rows as the queries name their columns (Dapper.AOT maps by name; columns are named as their properties).
    internal sealed class DayRow
    {
        public string Day { get; init; } = "";
        public long Questions { get; init; }
        public long Answered { get; init; }
        public long NotFound { get; init; }
        public long OutOfScope { get; init; }
        public long Invalid { get; init; }
    }

    internal sealed class CommandRow
    {
        public string Command { get; init; } = "";
        public long Count { get; init; }
    }

    internal sealed class UnansweredRow
    {
        public string Normalised { get; init; } = "";
        public string? Closest { get; init; }
        public string At { get; init; } = "";
        public string Platform { get; init; } = "";
    }

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
