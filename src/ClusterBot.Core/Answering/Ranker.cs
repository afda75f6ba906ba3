using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>A document with its score for a question.</summary>
/// <param name="Predicate">
/// The share of the question's own words (besides the names it uses) that the document answers for, unknown words
/// included: a fact about the named thing that ignores what is asked of it ("who heads Bayern Innovativ?") scores low.
/// </param>
/// <param name="Matched">How much of the question, in absolute rarity (the weights of the words and names it covers), the document matches.</param>
public sealed record ScoredDocument(SearchDocument Document, double Score, double Coverage, double Predicate = 1, double Matched = 0);

/// <summary>
/// Scores candidate documents for a question: the share of the question's content (weighted by rarity)
/// that a document covers, plus a bonus when the document is the kind of answer the question asks for.
/// </summary>
public static class Ranker
{
    public const int CandidateLimit = 40;

    /// <summary>ln(1 + 2): a word found in more than half of the documents is not searched for.</summary>
    private static readonly double SearchableIdf = Math.Log(3);

    /// <summary>Bonus for a document whose kind matches the question's intent (a figure for "how many").</summary>
    private const double IntentBonus = 0.15;

    /// <summary>How much a word unknown to the paper counts against coverage, relative to its rarity.</summary>
    private const double UnknownWordShare = 0.75;

    /// <summary>Bonus for the phase in the place an ordinal names ("the third stage").</summary>
    private const double OrdinalBonus = 0.1;

    /// <summary>The most an unknown word weighs in what a question asks.</summary>
    private const double UnknownPredicateWeight = 2.5;

    /// <summary>Bonus for a list of as many items as the question asks for ("назовите три принципа").</summary>
    private const double AnswerSizeBonus = 0.1;

    /// <summary>A figure or count is no answer to "what is / what does X do": it loses this much there.</summary>
    private const double FigureForDefinitionPenalty = 0.1;

    /// <summary>Above this rarity a word is specific content, not a generic one like "cluster".</summary>
    private const double GenericWordWeight = 1.5;

    /// <summary>Tie-breaker towards the overview when a question only names a thing ("кластеры баварии").</summary>
    private const double OverviewBonus = 0.04;

    /// <summary>A document of another country or topic than the question names ("people in Korea" is not Bavaria's 731,000).</summary>
    private const double UnnamedEntityPenalty = 0.3;

    /// <summary>Per country or topic a document is about that the question did not name: prefer focused answers.</summary>
    private const double UnnamedRootPenalty = 0.03;

    /// <summary>Tie-breaker towards what full-text relevance (FTS5 bm25: names, then keywords, then text) ranks higher.</summary>
    private const double SearchRankBonus = 0.02;

    public static IReadOnlyList<ScoredDocument> Rank(QueryAnalysis query, KnowledgeIndex index, ICandidateSearch search)
    {
        // Words most documents share ("cluster") find nearly everything and tell nothing: the full-text search
        // looks only for the rarer ones; the named entities bring their own documents below.
        // A yes/no question's claim (its figures, an unknown name) is checked against the answer, not searched for.
        var known = query.KnownTerms.Where(t => !query.IsClaim(t)).ToList();
        var searchStems = known.Where(t => index.Idf(t.Stem) >= SearchableIdf).SelectMany(t => t.Matches).Distinct().ToList();
        var found = searchStems.Count > 0 ? search.Find(searchStems, CandidateLimit) : [];
        var candidates = new List<SearchDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in found)
        {
            if (index.FindDocument(id) is { } doc && seen.Add(id)) candidates.Add(doc);
        }

        foreach (var doc in index.Documents)
        {
            if (!seen.Contains(doc.Id) && query.EntityIds.Any(doc.EntityClosure.Contains)) candidates.Add(doc);
        }

        var entityWeights = query.EntityIds.ToDictionary(id => id, id => EntityWeight(id, index));
        // A word the paper never uses still belongs to the question: it weighs half, so a question mostly about
        // something else ("How many people live in Bavaria?") cannot be fully covered by a fact that ignores it.
        var unknownWeight = query.Terms.Where(t => !t.Known && !query.IsClaim(t)).Sum(t => t.Weight) * UnknownWordShare;
        var countryAsked = WhichCountry.AskedOfNamedThing(query, index) ? WhichCountry.AskedWeight : 0;
        var denominator = known.Sum(t => t.Weight) + entityWeights.Values.Sum() + unknownWeight;
        if (denominator <= 0)
        {
            return [];
        }

        var predicate = known.Where(t => !t.FromAlias).ToList();
        // An unknown word counts as a fairly rare one, not the rarest: chat words the lexicon lacks should not outweigh the rest.
        var predicateTotal = countryAsked + predicate.Sum(t => t.Weight) + query.Terms.Where(t => !t.Known && !query.IsClaim(t)).Sum(t => Math.Min(t.Weight, UnknownPredicateWeight));

        // The question only names things (besides generic words): then the overview of what it names is the answer.
        var onlyNames = known.All(t => t.FromAlias || t.Weight < GenericWordWeight);
        var ordinal = ListItemFocus.OrdinalIn(query.Tokens);
        var namedRoots = query.EntityIds.Select(id => index.RootOf(id)?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var rankOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++) rankOf.TryAdd(found[i], i);
        var scored = new List<ScoredDocument>(candidates.Count);
        foreach (var doc in candidates)
        {
            var covered = 0.0;
            foreach (var term in known)
            {
                covered += term.Weight * CreditFor(term, doc, query.Intent);
            }

            foreach (var (id, weight) in entityWeights)
            {
                if (doc.EntityClosure.Contains(id)) covered += weight;
            }

            // "Which country used OVOP": a fact of the named thing, of one country, names it; that is what is asked,
            // though it ranks no fact of the named thing above another.
            var countryCredit = countryAsked > 0 && query.EntityIds.Any(doc.EntityClosure.Contains) && WhichCountry.CountryOf(doc, index) is not null
                ? countryAsked : 0;
            var coverage = covered / denominator;
            var predicateCovered = countryCredit;
            foreach (var term in predicate)
            {
                predicateCovered += term.Weight * CreditFor(term, doc, query.Intent);
            }

            var predicateShare = predicateTotal > 0 ? predicateCovered / predicateTotal : 1;
            var score = coverage + IntentFit(query.Intent, doc, onlyNames) * IntentBonus;
            if (doc.IsOverview && query.EntityIds.Contains(doc.Id) && onlyNames) score += OverviewBonus;
            if (query.Intent == Intent.Definition && doc.Fact?.Kind is FactKind.Count or FactKind.Figure) score -= FigureForDefinitionPenalty;
            if (namedRoots.Count > 0) score -= UnnamedRootPenalty * doc.Roots.Count(r => !namedRoots.Contains(r));
            // Only another country's or topic's document is penalised: a sibling in the same country may be what a
            // loosely named question means ("the industrial complex programme" for the ICCP).
            // …unless it uses the very words that named the topic ("сформулировать рекомендации" in the paper's aim,
            // though "рекомендации" names the conclusions).
            if (namedRoots.Count > 0 && !doc.Roots.Overlaps(namedRoots) && !UsesTheNamingWords(query, doc)) score -= UnnamedEntityPenalty;
            // "the third stage": of the phases it may mean, the one in that place;
            // …and of the lists, one that has that place ("which cluster is third"), less surely: "the third stage" is a phase.
            // …and a phase in another place loses as much: "первый этап программы" is not the second phase.
            if (ordinal is { } place && PhaseOf(doc, index) is { Order: { } order }) score += order == place ? OrdinalBonus : -OrdinalBonus;
            else if (ordinal is { } spot && doc.Fact?.Items.Any(i => i.Order == spot) == true) score += OrdinalBonus / 2;
            // "List the 7 clusters": the number only sizes the answer, and a list of that many is the one meant.
            if (query.AnswerSize is { } size && doc.Fact?.Items.Count == size) score += AnswerSizeBonus;
            if (rankOf.TryGetValue(doc.Id, out var rank)) score += SearchRankBonus * (1 - (double)rank / Math.Max(1, found.Count));
            scored.Add(new ScoredDocument(doc, score, coverage, predicateShare, covered));
        }

        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Document.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A word's credit from a document; "what does the 5G centre do" is answered by the centre's overview, which is that
    /// centre whatever words its text uses, so a definition's name words count fully there.
    /// </summary>
    private static double CreditFor(QueryTerm term, SearchDocument doc, Intent intent) =>
        intent == Intent.Definition && term.AliasOf is { } named && doc.Entity?.Id == named ? 1 : term.CreditFrom(doc);

    /// <summary>
    /// How well a document's kind fits the question's intent, 0..1. An overview defines only what a question merely
    /// names ("что такое TORCH"); "what was the goal of the ICCP" asks something narrower than the summary.
    /// </summary>
    private static double IntentFit(Intent intent, SearchDocument doc, bool onlyNames) => intent switch
    {
        Intent.Count => doc.Fact?.Kind is FactKind.Count ? 1 : doc.HasNumbers ? 0.6 : 0,
        Intent.When => doc.Fact?.Kind is FactKind.Date ? 1 : doc.HasYears ? 0.6 : 0,
        Intent.List => doc.Fact?.Kind is FactKind.List ? 1 : doc.Fact?.Items.Count > 0 ? 0.6 : 0,
        Intent.Definition => (doc.IsOverview && onlyNames) || doc.Fact?.Kind is FactKind.Definition ? 1 : 0,
        _ => 0,
    };

    /// <summary>The phase a document is: a phase's overview, or a fact about that one phase alone.</summary>
    private static Entity? PhaseOf(SearchDocument doc, KnowledgeIndex index) =>
        doc.Entity is { Kind: EntityKind.Phase } phase ? phase
        : doc.Fact is { About: [var only] } && index.FindEntity(only) is { Kind: EntityKind.Phase } about ? about : null;

    private static bool UsesTheNamingWords(QueryAnalysis query, SearchDocument doc)
    {
        var naming = query.Terms.Where(t => t.FromAlias).ToList();
        return naming.Count > 0 && naming.All(t => t.CreditFrom(doc) > 0);
    }

    /// <summary>A named entity weighs as much as a rare word: the rarer its documents, the more it says.</summary>
    private static double EntityWeight(string entityId, KnowledgeIndex index) =>
        Math.Log(1 + (double)index.Documents.Count / Math.Max(1, index.DocumentCountOf(entityId)));
}

/// <summary>A candidate search over the in-memory documents, for tests and tools that have no store.</summary>
public sealed class InMemoryCandidateSearch(KnowledgeIndex index) : ICandidateSearch
{
    public IReadOnlyList<string> Find(IReadOnlyCollection<string> stems, int limit) =>
        index.Documents
            .Select(d => (d.Id, Hits: stems.Count(d.Stems.Contains)))
            .Where(x => x.Hits > 0)
            .OrderByDescending(x => x.Hits)
            .Take(limit)
            .Select(x => x.Id)
            .ToList();
}
