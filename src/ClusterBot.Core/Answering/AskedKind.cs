using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// What kind of thing a "when" or "how many" question wants, checked against the fact found for it: a date needs a
/// fact with a year or a period, a count a fact that speaks of what is counted, with a figure or a list to count. "When was go-cluster launched?"
/// finds go-cluster, but the paper gives no year for it: that is "the paper does not say", not go-cluster's summary.
/// </summary>
public static class AskedKind
{
    private static readonly LexiconAttribute Date = new("date", new Localized("когда", "when"), []);
    private static readonly LexiconAttribute Number = new("number", new Localized("сколько", "how many or how much"), []);

    /// <summary>Whether the document gives the kind the question asks for (or it asks for none).</summary>
    public static bool Gives(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index) =>
        Missing(query, doc, index) is null && query.Attributes.All(a => a.GivenBy.Contains(doc.Id));

    /// <summary>The kind asked for and not given by the document, with the documents on the same subject that give it; null when given.</summary>
    public static IndexedAttribute? Missing(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index)
    {
        if (query.YesNo) return null;
        return query.Intent switch
        {
            Intent.When when !doc.HasYears => Givers(Date, doc, index, d => d.HasYears),
            // What is counted must be what the fact speaks of, with a figure to give: seven clusters do not say how
            // many companies there are; a thing the paper never names ("сколько выпускников") it cannot have counted.
            Intent.Count when query.Counted is { } counted && (!counted.Known || counted.CreditFrom(doc) == 0 || !Counts(doc)) =>
                Givers(Number, doc, index, d => Counts(d) && counted.CreditFrom(d) > 0),
            Intent.Count when query.Counted is null && !Counts(doc) => Givers(Number, doc, index, Counts),
            _ => null,
        };
    }

    /// <summary>A figure, a list to count, or words of quantity ("несколько десятилетий", "several decades").</summary>
    private static bool Counts(SearchDocument doc) =>
        doc.HasNumbers || doc.Fact?.Items.Count > 0 || doc.StatementTexts().Any(t => TextNormaliser.Tokenise(t).Any(QuantityWords.Contains));

    private static readonly HashSet<string> QuantityWords = new(StringComparer.Ordinal)
    {
        "несколько", "нескольких", "много", "многие", "многих", "множество", "ряд", "десятки", "сотни", "тысячи", "большинство",
        "several", "many", "few", "dozens", "hundreds", "thousands", "most", "numerous",
    };

    private static IndexedAttribute Givers(LexiconAttribute kind, SearchDocument doc, KnowledgeIndex index, Func<SearchDocument, bool> gives)
    {
        // The same subject: documents sharing the entities below the country or topic that the found one is about.
        var subject = doc.EntityClosure.Where(id => !doc.Roots.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var givers = subject.Count == 0
            ? []
            : index.Documents.Where(d => gives(d) && d.EntityClosure.Any(subject.Contains)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return new IndexedAttribute(kind, [], givers);
    }
}
