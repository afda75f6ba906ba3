using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// The one item of a list a question is about: the item its words name alone ("чем занимается Вонджу") or the place
/// it asks for ("which cluster is third", "на 5 месте"). Such a question gets that item, not the whole list.
/// </summary>
public static class ListItemFocus
{
    private static readonly HashSet<string> PlaceStems = new[] { "место", "месте", "места", "позиция", "позиции", "номер", "place", "position", "rank", "ranked", "spot" }
        .Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> NumberSigns = new(StringComparer.Ordinal) { "number", "номер", "no", "nr", "№", "#" };

    /// <summary>The place in a list the question asks for ("третий", "5th", "на 6 месте"), or null.</summary>
    public static int? PlaceAsked(IReadOnlyList<string> tokens)
    {
        // "Number one", "номер 2", "no. 3", "№1": a place by its number.
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            if (NumberSigns.Contains(tokens[k]) && NumberWords.CountOf(tokens[k + 1]) is { } n and > 0 and <= 100) return n;
        }

        // An ordinal ("третий", "5th"), not a count ("пять", "top five"): the cardinal shares the ordinal's stem.
        var ordinal = OrdinalIn(tokens);
        if (ordinal is not null || !tokens.Any(t => PlaceStems.Contains(WordStemmer.Stem(t)))) return ordinal;
        // A place is a small number: "в рейтинге 2022 года" names the year of the ranking, not a place in it.
        return tokens.Where(QueryAnalysis.IsNumber).Select(t => int.TryParse(t, out var n) ? n : (int?)null).FirstOrDefault(n => n is > 0 and <= 100);
    }

    /// <summary>Superlatives that make an ordinal a place in a ranking: "the 6th largest", "шестой по величине".</summary>
    private static readonly HashSet<string> RankingSuperlatives = new[]
    {
        "крупнейший", "крупнейшая", "крупнейшим", "крупный", "крупная", "величине", "largest", "biggest", "greatest", "top",
    }.Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The place of a ranking asked in so many words ("на 6 месте", "6th place", "rank 3", "the 6th largest",
    /// "the biggest cluster"), or null.</summary>
    public static int? RankAsked(IReadOnlyList<string> tokens)
    {
        if (tokens.Any(t => PlaceStems.Contains(WordStemmer.Stem(t)))) return PlaceAsked(tokens);
        // An ordinal beside a superlative is a place ("6th largest"); a count beside one is not ("the five largest").
        if (!tokens.Any(t => RankingSuperlatives.Contains(WordStemmer.Stem(t)))) return null;
        return OrdinalIn(tokens) ?? (AsksTheOneAtTheTop(tokens) ? 1 : null);
    }

    /// <summary>The superlatives that, said of one thing, ask for the first of a ranking.</summary>
    private static readonly HashSet<string> SingularSuperlatives = new(StringComparer.Ordinal)
    {
        "крупнейший", "крупнейшая", "крупнейшее", "крупнейшего", "крупнейшей", "крупнейшем", "largest", "biggest", "greatest",
    };

    private static readonly HashSet<string> MostWords = new(StringComparer.Ordinal) { "самый", "самая", "самое", "самого", "самой", "самом" };

    private static readonly HashSet<string> SingularBig = new(StringComparer.Ordinal)
    {
        "крупный", "крупная", "крупное", "крупного", "крупной", "крупном", "большой", "большая", "большое", "большого", "большом",
    };

    /// <summary>Nouns of an amount: "the largest number of clusters" asks who has the most, not the first of a ranking.</summary>
    private static readonly HashSet<string> AmountNouns = new(StringComparer.Ordinal)
    {
        "number", "share", "concentration", "part", "amount", "число", "количество", "числу", "количеству", "доля", "концентрация", "концентрацией", "часть",
    };

    /// <summary>
    /// "The biggest cluster in the world", "самый крупный кластер", "крупнейший кластер": a superlative said of one thing
    /// asks for the first of a ranking; of several ("the five largest", "largest clusters", "крупнейшие") it does not.
    /// </summary>
    private static bool AsksTheOneAtTheTop(IReadOnlyList<string> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            var one = SingularSuperlatives.Contains(tokens[k]) || k > 0 && MostWords.Contains(tokens[k - 1]) && SingularBig.Contains(tokens[k]);
            if (!one) continue;
            var before = k > 0 ? tokens[k - 1] : "";
            if (QueryAnalysis.IsNumber(before) || NumberWords.CountOf(before) is > 1) return false;
            var after = tokens.Skip(k + 1).Take(4).ToList();
            if (after.Take(2).Any(AmountNouns.Contains)) return false;
            // English: the thing said of is singular, no plural noun in the words that follow ("largest science and technology clusters").
            if (tokens[k].EndsWith("est", StringComparison.Ordinal) && after.Any(t => t.Length > 3 && t.EndsWith('s') && !t.EndsWith("ss", StringComparison.Ordinal))) return false;
            return true;
        }

        return false;
    }

    /// <summary>The place the first ordinal of the words names ("третий", "5th"); a cardinal ending in "ь" ("пять") is none.</summary>
    public static int? OrdinalIn(IReadOnlyList<string> tokens) =>
        tokens.Where(t => !t.EndsWith('ь')).Select(t => YesNoQuestion.OrdinalOf(WordStemmer.Stem(t))).FirstOrDefault(o => o is not null);

    /// <summary>
    /// The items the words name, by position: a known word found in exactly one item's own words (not its sample
    /// questions, which say "first" or "top" of the first one). A word of the list's heading ("принципы", "industries")
    /// or one every item shares ("cluster") names no item.
    /// </summary>
    public static HashSet<int> ItemsNamed(IEnumerable<QueryTerm> terms, Fact fact)
    {
        var itemStems = fact.Items.Select(i => WordStemmer.StemAll(i.Text.Ru + " " + i.Text.En).ToHashSet(StringComparer.Ordinal)).ToList();
        var headStems = WordStemmer.StemAll(fact.Text.Ru + " " + fact.Text.En).ToHashSet(StringComparer.Ordinal);
        // "Is IBM a company producing in China?": "other computer companies" after Acer, Compaq, IBM names what they all are.
        headStems.UnionWith(KindStems(fact, itemStems));
        var named = new HashSet<int>();
        foreach (var term in terms.Where(t => t.Known && !t.Matches.Any(headStems.Contains)))
        {
            var hits = Enumerable.Range(0, fact.Items.Count).Where(i => term.Matches.Any(itemStems[i].Contains)).ToList();
            if (hits.Count == 1) named.Add(hits[0]);
        }

        return named;
    }

    private static readonly HashSet<string> OthersWords = new(StringComparer.Ordinal) { "иные", "другие", "прочие", "остальные", "other", "others" };

    /// <summary>The stems of a list's "other …" items, which say what all its items are, not which one.</summary>
    /// <param name="itemStems">Each item's stems, in both languages.</param>
    internal static IEnumerable<string> KindStems(Fact list, IReadOnlyList<HashSet<string>> itemStems) =>
        Enumerable.Range(0, list.Items.Count).Where(i => IsTheOthers(list.Items[i])).SelectMany(i => itemStems[i]);

    /// <summary>"Иные компании-производители компьютеров", "other computer manufacturers": the rest of a list's kind.</summary>
    private static bool IsTheOthers(ListItem item) =>
        TextNormaliser.Tokenise(item.Text.Ru).FirstOrDefault() is { } ru && OthersWords.Contains(ru) ||
        TextNormaliser.Tokenise(item.Text.En).FirstOrDefault() is { } en && OthersWords.Contains(en);

    private static readonly HashSet<string> PluralWhich = new(StringComparer.Ordinal) { "какие", "каких", "каким", "какими" };

    /// <summary>
    /// "What measures do the Länder take to support clusters?", "какие меры …": the question word with the list's own
    /// noun in the plural asks for its items, and a word commoner than that noun ("support") names none of them, while a
    /// rarer one still picks its item ("which ports do shipbuilding"). The noun's weight, or 0 when none is asked so.
    /// </summary>
    private static double ListNounAsked(QueryAnalysis query, Fact fact)
    {
        var head = WordStemmer.StemAll(fact.Text.Ru + " " + fact.Text.En).ToHashSet(StringComparer.Ordinal);
        var tokens = query.Tokens;
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            var plural = PluralWhich.Contains(tokens[k]) || tokens[k] is "what" or "which" && tokens[k + 1].EndsWith('s') && tokens[k + 1].Length > 3;
            var stem = WordStemmer.Stem(tokens[k + 1]);
            if (plural && query.Terms.FirstOrDefault(t => t.Stem == stem && t.Matches.Any(head.Contains)) is { } noun) return noun.Weight;
        }

        return 0;
    }

    /// <summary>The item the question is about, or null when it names none or several.</summary>
    public static ListItem? Pick(QueryAnalysis query, Fact fact)
    {
        if (fact.Items.Count < 2) return null;
        var place = query.PlaceAsked ?? query.RankAsked;
        var byPlace = place is { } p ? fact.Items.FirstOrDefault(i => i.Order == p) : null;

        var listNoun = ListNounAsked(query, fact);
        var named = ItemsNamed(query.Terms.Where(t => !t.FromAlias && !QueryAnalysis.IsNumber(t.Stem) && YesNoQuestion.OrdinalOf(t.Stem) is null &&
            t.Weight >= listNoun), fact);
        var byName = named.Count == 1 ? fact.Items[named.First()] : null;
        return (byPlace, byName) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            // "Is Seoul third?": the item named answers, and its place says yes or no.
            (_, { } b) => b,
        };
    }
}
