using System.Globalization;
using System.Text;
using ClusterBot.Core.Abstractions;

namespace ClusterBot.Core.Answering;

/// <summary>Shows a curator how a question was understood and which documents scored best, to tune the knowledge.</summary>
public static class QueryExplainer
{
    public static string Explain(string question, KnowledgeSnapshot snapshot, int top = 5)
    {
        var query = QueryAnalyser.Analyse(question, snapshot.Index);
        var sb = new StringBuilder();
        var counts = (query.Counted is { } counted ? "; counts: " + counted.Stem : "") +
            (query.Places.Count > 0 ? "; places: " + string.Join(", ", query.Places.Select(p => p.Stem)) : "");
        sb.Append(CultureInfo.InvariantCulture, $"intent: {query.Intent}{(query.YesNo ? " (yes/no)" : "")}; entities: [{string.Join(", ", query.EntityIds)}]; " +
            $"asks for: [{string.Join(", ", query.Attributes.Select(a => a.Attribute.Id))}]{counts}\n");
        foreach (var t in query.Terms)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  term {t.Stem}{(t.Known ? "" : " (unknown)")} w={t.Weight:F2} ~ {string.Join(" ", t.Matches.Take(8))}\n");
        }

        foreach (var s in Ranker.Rank(query, snapshot.Index, snapshot.Search).Take(top))
        {
            // What the candidate lacks of what is asked (a year, the counted thing, an attribute): why it may not answer.
            var lacks = AskedKind.Missing(query, s.Document, snapshot.Index)?.Attribute.Id
                ?? query.Attributes.FirstOrDefault(a => !a.GivenBy.Contains(s.Document.Id))?.Attribute.Id;
            sb.Append(CultureInfo.InvariantCulture, $"  {s.Score:F3} (coverage {s.Coverage:F2}, asked {s.Predicate:F2}) {s.Document.Id}{(lacks is null ? "" : $" — does not give: {lacks}")}\n");
        }

        return sb.ToString();
    }
}
