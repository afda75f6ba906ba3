using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// What kind of thing a "when" or "how many" question wants, checked against the fact found for it: a date needs a
/// fact with a year or a period, a count a fact that speaks of what is counted, with a figure or a list to count. "When was go-cluster launched?"
/// finds go-cluster, but the paper gives no year for it: that is "the paper does not say", not go-cluster's summary.
/// </summary>
public static partial class AskedKind
{
    private static readonly LexiconAttribute Date = new("date", new Localized("когда", "when"), []);
    private static readonly LexiconAttribute Number = new("number", new Localized("сколько", "how many or how much"), []);
    private static readonly LexiconAttribute Leads = new("leads", new Localized("какой из них крупнейший", "which of them is the biggest"), []);
    private static readonly LexiconAttribute Names = new("names", new Localized("список названий", "a list of their names"), []);
    private static readonly HashSet<string> ListVerbs = new(StringComparer.Ordinal)
    {
        "назови", "назовите", "перечисли", "перечислите", "list", "name", "enumerate",
    };

    /// <summary>"Names of the 15 clusters", "названия 15 кластеров", "как называются 14 кластеров": a list of names is asked without a list verb.</summary>
    private static readonly HashSet<string> NamesNouns = new(StringComparer.Ordinal) { "names", "названия", "названий", "называются", "called" };

    private static readonly LexiconAttribute ThatYear = new("year", new Localized("за этот год", "for that year"), []);

    private static readonly LexiconAttribute FullName = new("full-name", new Localized("как расшифровывается название", "what the name stands for"), []);

    /// <summary>Words that ask what an abbreviation stands for.</summary>
    private static readonly string[][] ExpansionPhrases =
    [
        ["stand", "for"], ["stands", "for"], ["abbreviation"], ["acronym"], ["аббревиатура"], ["аббревиатуры"], ["расшифровка"],
        ["расшифруйте"], ["расшифруй"], ["расшифровывается"], ["расшифровать"], ["full", "name"], ["полное", "название"],
    ];

    /// <summary>
    /// "What does TORCH stand for?": an abbreviation the question uses whose full form none of the thing's names spells
    /// out ("Global Innovation Index" for GII), or the thing, or null. The paper gives TORCH's name as it is.
    /// </summary>
    private static Entity? UnexpandedAbbreviation(QueryAnalysis query, KnowledgeIndex index)
    {
        if (!ExpansionPhrases.Any(p => Phrases.Contains(query.Tokens, p))) return null;
        foreach (var entity in query.EntityIds.Select(index.FindEntity).OfType<Entity>())
        {
            var names = KnowledgeValidator.AliasesOf(entity).ToList();
            // An abbreviation is what the knowledge writes in capitals ("TORCH", "ГИИ"); "Beacon" is a word.
            var capitals = names.SelectMany(n => n.Split([' ', '(', ')', ',', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length >= 2 && w.All(c => char.IsLetter(c) && char.IsUpper(c))).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var abbreviation = query.Tokens.FirstOrDefault(capitals.Contains);
            if (abbreviation is null) continue;
            if (!names.Any(n => Initials(n).Equals(abbreviation, StringComparison.OrdinalIgnoreCase))) return entity;
        }

        return null;
    }

    /// <summary>The first letters of a name's words, hyphenated parts counted apart ("North Rhine-Westphalia" → "NRW").</summary>
    private static string Initials(string name) =>
        string.Concat(name.Split([' ', '-', '–', '\'', '’'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).Select(w => w[0]));

    private static readonly HashSet<string> WhichWords = new(StringComparer.Ordinal)
    {
        "what", "which", "какие", "какой", "какая", "какое", "каких", "каким", "какими", "какую", "каков", "какова", "каковы", "каково",
    };

    /// <summary>
    /// The noun a "what"/"which" question asks for ("what weaknesses", "по каким критериям") when the paper never uses
    /// it, or null: the thing asked is not one the paper gives.
    /// </summary>
    private static string? UnknownAskedNoun(QueryAnalysis query)
    {
        for (var k = 0; k + 1 < query.Tokens.Count; k++)
        {
            if (!WhichWords.Contains(query.Tokens[k])) continue;
            var next = query.Tokens[k + 1];
            if (!IsTerm(query, next, out var known) || known || QueryAnalysis.IsNumber(next)) continue;
            // A word before another ("which previous year") or with an adjective's ending ("какие новые") describes the
            // noun asked; it is not the noun.
            var describes = next.Any(char.IsAsciiLetter)
                ? k + 2 < query.Tokens.Count && query.Tokens[k + 2].Any(char.IsLetter) && !EnglishAfterNoun.Contains(query.Tokens[k + 2])
                : WhichName.IsAdjective(next);
            if (!describes) return next;
        }

        return null;
    }

    /// <summary>Words that follow the noun of "what X …" rather than another word of it: "what weaknesses do", "of", "in".</summary>
    private static readonly HashSet<string> EnglishAfterNoun = new(StringComparer.Ordinal)
    {
        "of", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "can", "could", "should", "would", "will",
        "in", "on", "at", "for", "from", "by", "to", "with", "that", "and", "or", "the", "a", "an", "there", "they", "it", "this",
    };

    private static bool IsTerm(QueryAnalysis query, string token, out bool known)
    {
        var stem = WordStemmer.Stem(token);
        var term = query.Terms.FirstOrDefault(t => t.Stem == stem && !t.ProperName);
        known = term?.Known ?? false;
        return term is not null;
    }

    /// <summary>Whether the document gives the kind the question asks for (or it asks for none).</summary>
    public static bool Gives(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index) =>
        Missing(query, doc, index) is null && query.Attributes.All(a => a.GivenBy.Contains(doc.Id));

    /// <summary>The kind asked for and not given by the document, with the documents on the same subject that give it; null when given.</summary>
    public static IndexedAttribute? Missing(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index)
    {
        if (query.YesNo) return null;
        // Countries offered as a choice ("в Корее или в Германии?") are answered by a fact of any one of them.
        var offered = query.OffersCountries && query.EntityIds.Any(id => index.FindEntity(id)?.Kind == EntityKind.Country && SpeaksOf(doc, id, query, index));
        if (query.EntityIds.FirstOrDefault(id => (query.Intent is Intent.When or Intent.Count || query.EntityIds.Count >= 2 && IsRoot(id, index)) && !SpeaksOf(doc, id, query, index) &&
                !(offered && index.FindEntity(id)?.Kind == EntityKind.Country)) is { } other)
        {
            // "How many clusters has Germany in the GII?": a count of the GII that is not Germany's is not the answer;
            // "which German cluster ranks highest in the GII?" is not answered by the GII's regions.
            var named = index.FindEntity(other)!;
            var kind = query.Intent switch
            {
                Intent.When => Date,
                Intent.Count => Number,
                _ => new LexiconAttribute("asked", new Localized($"то, о чём вы спросили, для «{named.Name.Ru}»", $"what you asked of {named.Name.En}"), []),
            };
            return Givers(kind, index.Documents.FirstOrDefault(d => d.Entity?.Id == other) ?? doc, index, _ => false);
        }

        if (query.Intent is Intent.When or Intent.Count && query.Places.FirstOrDefault(p => p.CreditFrom(doc) == 0) is not null)
        {
            // "How many clusters has Japan in the GII top 100?": a count that does not speak of Japan is not Japan's.
            return Givers(query.Intent == Intent.When ? Date : Number, doc, index, _ => false);
        }

        if (query.Intent == Intent.Count && query.Counted is not null && query.Attributes.Count == 0 && !Phrases.Contains(query.Tokens, ["how", "much"]) &&
            NamesOutside(query, doc, index) is not null && !(doc.Fact is { Items.Count: > 0 } items && ItemsNamed(query, items) >= 2))
        {
            // "How many of the top 100 are in Europe?": a figure said of the USA and China, in another clause than
            // Europe, is not Europe's; "how many Japanese clusters": a document that never names Japan counts none of its.
            return Givers(Number, doc, index, _ => false);
        }

        if (query.Intent == Intent.Count && doc.Fact is { Items.Count: > 0 } list && query.Places.Any(p => IsOneItem(p, list)) &&
            ItemsNamed(query, list) == 1)
        {
            // "Сколько кластеров в Гонконге?": the ranking counts its clusters, and Hong Kong is one of them; how many
            // it holds itself the paper does not say.
            return Givers(Number, doc, index, _ => false);
        }

        if (UnexpandedAbbreviation(query, index) is { } unexpanded)
        {
            return Givers(FullName, index.Documents.FirstOrDefault(d => d.Entity?.Id == unexpanded.Id) ?? doc, index, _ => false);
        }

        if (UnknownAskedNoun(query) is { } unknownNoun)
        {
            // "What weaknesses do the authors identify?": what is asked is a word the paper never uses, so no fact gives it.
            return Givers(new LexiconAttribute("asked", new Localized(unknownNoun, unknownNoun), []), doc, index, _ => false);
        }

        var years = YearsAsked(query);
        if (After(query) is { } after && !YearsOf(doc, index).Any(y => y > after) && !MentionsAfter(doc, after))
        {
            // "Что было после 2016?": the paper's last stage ends in 2016; it says nothing of what came next.
            return Givers(ThatYear, doc, index, d => YearsOf(d, index).Any(y => y > after));
        }

        if (Before(query) is { } before && !YearsOf(doc, index).Any(y => y < before) && !DecadeStarts(doc).Any(d => d < before))
        {
            // "What was Korea's policy like before 2004?": the paper starts there; of the time before it says nothing.
            return Givers(ThatYear, doc, index, d => YearsOf(d, index).Any(y => y < before));
        }

        if (years.Count > 0 && !years.Any(y => Covers(doc, y, index)))
        {
            // "Какой кластер был на 5 месте в 2010 году?": a ranking of 2022 does not say what held in 2010.
            return Givers(ThatYear, doc, index, d => years.Any(y => Covers(d, y, index)));
        }

        if ((query.Intent == Intent.List && query.Tokens.Any(ListVerbs.Contains) || query.Tokens.Any(NamesNouns.Contains)) && doc.Fact is not { Items.Count: > 0 } &&
            query.Tokens.Any(t => QueryAnalysis.IsNumber(t) && t.Length < 4))
        {
            // "Назовите все 15 кластеров": a list of that many is asked, and this entry lists none.
            return Givers(Names, doc, index, d => d.Fact?.Items.Count > 0);
        }

        if (query.NameAsked is { } name && !WhichName.NamesSomethingElse(query, doc, index))
        {
            // "Which Chinese province has the most clusters?": a fact that names no province does not say which.
            return Givers(name, doc, index, _ => false);
        }

        if (WhichName.AsksWhichLeads(query.Tokens) && !WhichName.SaysWhichLeads(doc))
        {
            // "Which of the 14 NRW clusters is the biggest?": 14 clusters named, none ranked.
            return Givers(Leads, doc, index, WhichName.SaysWhichLeads);
        }

        // An ordinal asked of anything but the phase in that place is a place in a ranking too ("which cluster is 6th?").
        if ((query.RankAsked ?? (IsOfPhaseIn(doc, query.PlaceAsked, index) ? null : query.PlaceAsked)) is { } place &&
            !(doc.Fact is { Items.Count: > 1 } ranked && ranked.Items.Any(i => i.Order == place)) &&
            !(doc.Fact is { Items.Count: > 1 } listed && ListItemFocus.Pick(query, listed) is not null))
        {
            // "Какой кластер на 6 месте?": only a ranking with that place answers, and the paper's ends at 5.
            return Givers(new LexiconAttribute("place", new Localized($"кто на {place}-м месте", $"what is in place {place}"), []),
                doc, index, _ => false);
        }

        if (query.Intent == Intent.When && AsksTheEnd(query.Tokens) && NamesAnOpenSpan(query, index) is var open && (open || !GivesAnEnd(query, doc)))
        {
            // "Когда закончилась фаза зрелости?": the paper says when it began (2013), not when it ended.
            return Givers(new LexiconAttribute("end", new Localized("когда закончилось", "when it ended"), []), doc, index,
                d => !open && GivesAnEnd(query, d));
        }

        if (query.Intent == Intent.When && query.AsksWhichYear && YearsOf(doc, index).Count == 0 && Decades(doc).Any())
        {
            // "В каком точно году запустили TORCH?": the paper gives only the decade ("в 90-е годы"), not the year.
            return Givers(new LexiconAttribute("year", new Localized("точный год: статья называет только десятилетие", "the exact year: the paper gives only the decade"), []),
                doc, index, d => d == doc);
        }

        var amount = Phrases.Contains(query.Tokens, ["how", "much"]);
        // An amount ("how much money", "сколько бабки") is the attribute's to check, by its units; a count is of the thing counted.
        var byAttribute = amount || query.Attributes.Count > 0;
        bool GivesCount(QueryTerm counted, SearchDocument d) =>
            counted.Known && (byAttribute ? counted.CreditFrom(d) > 0 && Counts(d) : CountsThe(counted, d));
        return query.Intent switch
        {
            Intent.When when !Dated(doc) => Givers(Date, doc, index, Dated),
            // What is counted must be what the fact speaks of, with a figure to give: seven clusters do not say how
            // many companies there are; a thing the paper never names ("сколько выпускников") it cannot have counted.
            // "How much" is an amount: a figure gives it, a list to count does not.
            Intent.Count when amount && !doc.HasNumbers => Givers(Number, doc, index, d => d.HasNumbers),
            Intent.Count when query.Counted is { } counted && !GivesCount(counted, doc) => Givers(Number, doc, index, d => GivesCount(counted, d)),
            Intent.Count when query.Counted is null && !Counts(doc) => Givers(Number, doc, index, Counts),
            _ => null,
        };
    }

    /// <summary>
    /// A place or name the question counts within (a place of the lexicon, or a word the knowledge writes only as a name,
    /// not one of its named things nor the thing counted) that no clause of the document states a figure of, or null.
    /// A ranking's place numbers ("1. Токио") and the question's own figures ("топ-100") are no figure of it.
    /// </summary>
    private static QueryTerm? NamesOutside(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index)
    {
        var within = query.Terms.Where(t => t.Known && !t.FromAlias && t != query.Counted && !query.IsClaim(t) &&
            (query.Places.Contains(t) || t.Matches.Any(m => WhichName.IsNameStem(m, index)))).ToList();
        if (within.Count == 0) return null;
        var clauses = doc.StatementTexts().Select(t => ItemNumber().Replace(t, "")).SelectMany(Sentences.Of)
            .SelectMany(s => s.Split(';')).Select(TextNormaliser.Tokenise).ToList();
        bool In(QueryTerm t, List<string> tokens) => tokens.Any(w => t.Matches.Contains(WordStemmer.Stem(w)));
        // Named only by the entry's questions or keywords ("сша" for "Соединённые Штаты"), the place is the entry's.
        return within.FirstOrDefault(t => t.CreditFrom(doc) == 0 || clauses.Any(tokens => In(t, tokens)) && !clauses.Any(tokens =>
            In(t, tokens) && tokens.Any(w => QueryAnalysis.IsNumber(w) && !IsYear(w) && !query.Tokens.Contains(w))));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}\.\s")]
    private static partial System.Text.RegularExpressions.Regex ItemNumber();

    /// <summary>Whether the document puts a figure right before the thing a "how many" question counts ("создало 7 кластеров").</summary>
    public static bool StatesCountOf(QueryAnalysis query, SearchDocument doc)
    {
        if (query.Intent != Intent.Count || query.Counted is not { } counted) return false;
        foreach (var tokens in doc.StatementTexts().Select(TextNormaliser.Tokenise))
        {
            for (var k = 0; k < tokens.Count; k++)
            {
                if (!QueryAnalysis.IsNumber(tokens[k]) && NumberWords.CountOf(tokens[k]) is null) continue;
                for (var j = k + 1; j < tokens.Count && j <= k + 2; j++)
                {
                    if (counted.Matches.Contains(WordStemmer.Stem(tokens[j]))) return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the document is the phase in that place or speaks of it ("the third stage's SME-oriented approach").</summary>
    private static bool IsOfPhaseIn(SearchDocument doc, int? place, KnowledgeIndex index) =>
        place is { } p && (doc.Entity is { Kind: EntityKind.Phase, Order: var order } && order == p ||
            doc.Fact is { } f && f.About.Any(id => index.FindEntity(id) is { Kind: EntityKind.Phase } phase && phase.Order == p));

    /// <summary>
    /// Whether a figure of the document follows right after a word the question itself uses, not a synonym of it, for
    /// something besides the thing counted: "топ-100" for "сколько кластеров в топе", where "по 21 кластеру" counts per
    /// country.
    /// </summary>
    public static bool FramesFigure(QueryAnalysis query, SearchDocument doc)
    {
        if (query.Intent != Intent.Count) return false;
        var framing = query.Terms.Where(t => t.Known && t != query.Counted && !t.FromAlias && !QueryAnalysis.IsNumber(t.Stem)).Select(t => t.Stem)
            .ToHashSet(StringComparer.Ordinal);
        return doc.StatementTexts().Select(TextNormaliser.Tokenise).Any(tokens => Enumerable.Range(1, Math.Max(0, tokens.Count - 1))
            .Any(k => QueryAnalysis.IsNumber(tokens[k]) && !IsYear(tokens[k]) && framing.Contains(WordStemmer.Stem(tokens[k - 1]))));
    }

    /// <summary>The decades a document names ("90-е", "1990s"): a time, but no year.</summary>
    private static IEnumerable<string> Decades(SearchDocument doc) =>
        doc.StatementTexts().SelectMany(TextNormaliser.Tokenise).Where(t => t is [_, _, ..] && char.IsDigit(t[0]) && (t.EndsWith("0s", StringComparison.Ordinal) || t.EndsWith("0е", StringComparison.Ordinal)) ||
            t is "90" or "80" or "70" or "60");

    /// <summary>How many items of the list the question's words name: "Америка, Европа и Азия — сколько регионов" asks of the list.</summary>
    private static int ItemsNamed(QueryAnalysis query, Fact list) =>
        list.Items.Count(i => ItemStems(i).Any(stem => query.Terms.Any(t => t != query.Counted && t.Matches.Contains(stem))));

    /// <summary>An item's words with those of the questions written for it ("гонконг" for "Гонг Конг").</summary>
    private static List<string> ItemStems(ListItem item) => WordStemmer.StemAll(string.Join(" ", new[] { item.Text.Ru, item.Text.En }.Concat(item.Asks.All)));

    /// <summary>Whether the place is named by exactly one item of the list and not by the list's own text.</summary>
    private static bool IsOneItem(QueryTerm place, Fact list)
    {
        var own = WordStemmer.StemAll(list.Text.Ru + " " + list.Text.En);
        if (own.Any(place.Matches.Contains)) return false;
        return list.Items.Count(i => ItemStems(i).Any(place.Matches.Contains)) == 1;
    }

    /// <summary>The years a question names as its time ("в 2010 году"); "после 2016" is a time after, read apart.</summary>
    private static List<int> YearsAsked(QueryAnalysis query) =>
        query.Tokens.Select((t, i) => i > 0 && (AfterWords.Contains(query.Tokens[i - 1]) || BeforeWords.Contains(query.Tokens[i - 1]) || query.Tokens[i - 1] == "to") ? 0 : Year(t)).Where(y => y > 0).ToList();

    /// <summary>
    /// Whether the document gives that year, or a span of years around it ("2010–2012" covers 2011), itself or through
    /// what it is about (a fact of the GII 2022 is of 2022).
    /// </summary>
    private static bool Covers(SearchDocument doc, int year, KnowledgeIndex index)
    {
        var years = YearsOf(doc, index);
        return years.Contains(year) || years.Count >= 2 && year >= years.Min() && year <= years.Max() ||
            DecadeStarts(doc).Any(decade => year >= decade && year < decade + 10);
    }

    private static readonly string[] EndPrefixes = ["законч", "заверш", "окончил", "кончил", "прекрат", "ended", "end", "finish", "conclud", "stopp", "ceas"];

    /// <summary>"Когда закончилась", "when did it end", "until when", "до какого года": the end of a span is asked.</summary>
    private static bool AsksTheEnd(IReadOnlyList<string> tokens) =>
        tokens.Any(t => EndPrefixes.Any(p => t.StartsWith(p, StringComparison.Ordinal)) && !t.StartsWith("endeav", StringComparison.Ordinal)) ||
        Phrases.Contains(tokens, ["until", "when"]) || Phrases.Contains(tokens, ["до", "какого"]) || Phrases.Contains(tokens, ["по", "какой"]);

    /// <summary>Whether the question names a stage the knowledge dates by its start alone: no entry gives its end.</summary>
    private static bool NamesAnOpenSpan(QueryAnalysis query, KnowledgeIndex index) =>
        query.EntityIds.Select(index.FindEntity).Any(e => e is { Start: not null, End: null });

    /// <summary>
    /// A span with its end: an entity's end year, or two years in what the document states ("2010–2012"); of a list,
    /// in the item asked about ("фаза зрелости (с 2013 года)"), not the other items' spans.
    /// </summary>
    private static bool GivesAnEnd(QueryAnalysis query, SearchDocument doc)
    {
        if (doc.Entity?.End is not null) return true;
        var item = doc.Fact is { } list ? ListItemFocus.Pick(query, list) : null;
        var texts = item is not null ? [item.Text.Ru, item.Text.En] : doc.StatementTexts();
        var years = texts.SelectMany(TextNormaliser.Tokenise).Select(Year).Where(y => y > 0);
        return (item is null ? years.Concat(doc.Fact?.Years ?? []) : years).Distinct().Count() >= 2;
    }

    /// <summary>The first years of the decades the document gives: "late 1970s" and "70-х годов" are 1970.</summary>
    private static IEnumerable<int> DecadeStarts(SearchDocument doc) =>
        Decades(doc).Select(d => int.TryParse(new string(d.TakeWhile(char.IsDigit).ToArray()), out var n) ? n < 100 ? 1900 + n : n : 0).Where(n => n > 0);

    /// <summary>The years a document gives, itself or through what it is about.</summary>
    private static List<int> YearsOf(SearchDocument doc, KnowledgeIndex index)
    {
        var entities = doc.EntityClosure.Select(index.FindEntity).OfType<Entity>().ToList();
        var texts = doc.StatementTexts().Concat(entities.SelectMany(e => new[] { e.Name.Ru, e.Name.En, e.Summary.Ru, e.Summary.En }));
        var years = texts.SelectMany(TextNormaliser.Tokenise).Select(Year).Where(y => y > 0).Concat(doc.Fact?.Years ?? []).ToList();
        foreach (var e in entities.Where(e => e.Start is not null)) years.AddRange([e.Start!.Value, e.End ?? e.Start!.Value]);
        return years;
    }

    private static int Year(string token) => token.Length == 4 && int.TryParse(token, out var y) && y is >= 1900 and <= 2100 ? y : 0;

    private static readonly HashSet<string> AfterWords = new(StringComparer.Ordinal) { "после", "after", "beyond" };

    private static readonly HashSet<string> BeforeWords = new(StringComparer.Ordinal) { "до", "before", "prior" };

    /// <summary>The year in "до 2004 года", "before 2004", "prior to 2004".</summary>
    private static int? Before(QueryAnalysis query) => YearAfterWord(query.Tokens, BeforeWords);

    /// <summary>The year in "после 2016", "after 2016".</summary>
    private static int? After(QueryAnalysis query) => YearAfterWord(query.Tokens, AfterWords);

    /// <summary>The first year right after one of the words, or after "prior to" when the words include "prior".</summary>
    private static int? YearAfterWord(IReadOnlyList<string> tokens, HashSet<string> words)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (Year(tokens[i]) is not (> 0 and var y)) continue;
            if (words.Contains(tokens[i - 1]) || i > 1 && words.Contains(tokens[i - 2]) && tokens[i - 1] == "to") return y;
        }

        return null;
    }

    /// <summary>Whether the document itself speaks of the time after that year ("after 2017 the 15 clusters …").</summary>
    private static bool MentionsAfter(SearchDocument doc, int year) =>
        doc.StatementTexts().Any(t => Phrases.Contains(TextNormaliser.Tokenise(t).ToList(), ["после", year.ToString(System.Globalization.CultureInfo.InvariantCulture)]) ||
            Phrases.Contains(TextNormaliser.Tokenise(t).ToList(), ["after", year.ToString(System.Globalization.CultureInfo.InvariantCulture)]));

    /// <summary>A country or topic: a question naming one with another thing asks of the two together.</summary>
    private static bool IsRoot(string entityId, KnowledgeIndex index) => index.FindEntity(entityId)?.Kind is EntityKind.Country or EntityKind.Topic;

    /// <summary>Whether the document is about the named thing or uses its name.</summary>
    private static bool SpeaksOf(SearchDocument doc, string entityId, QueryAnalysis query, KnowledgeIndex index) =>
        doc.EntityClosure.Contains(entityId) ||
        query.Terms.Any(t => t.AliasOf == entityId && t.CreditFrom(doc) > 0) ||
        index.FindEntity(entityId) is { } entity && doc.StatementTexts().Any(t => t.Contains(entity.Name.Ru, StringComparison.OrdinalIgnoreCase) || t.Contains(entity.Name.En, StringComparison.OrdinalIgnoreCase));

    /// <summary>A year or period, or a span in words ("over three years", "несколько десятилетий").</summary>
    /// <summary>
    /// A year, a decade ("в 90-е годы"), a span ("несколько десятилетий", "в последние десятилетия") or a count of years
    /// ("за три года"): "in the coming years" dates nothing.
    /// </summary>
    private static bool Dated(SearchDocument doc) =>
        doc.HasYears || Decades(doc).Any() || doc.StatementTexts().Select(TextNormaliser.Tokenise).Any(tokens => Enumerable.Range(0, tokens.Count).Any(k =>
            SpanWords.Contains(tokens[k]) || StopWords.IsTimeUnit(tokens[k]) && k > 0 && Counted(tokens[k - 1])));

    private static bool Counted(string before) =>
        char.IsDigit(before[0]) || NumberWords.CountOf(before) is not null || QuantityWords.Contains(before);

    private static readonly HashSet<string> SpanWords = new(StringComparer.Ordinal)
    {
        "десятилетие", "десятилетий", "десятилетия", "века", "веке", "месяцев", "decade", "decades", "century", "months",
    };

    /// <summary>How many words after a figure may name what it counts ("100 largest science and technology innovation clusters").</summary>
    private const int CountWindow = 6;

    /// <summary>A year as the paper's times go; "2 100 проектов" reads as 2100 and is a count.</summary>
    private static bool IsYear(string token) => Year(token) is > 0 and < 2050;

    /// <summary>
    /// Whether the document counts the counted thing: a figure (not a year) with the thing named in the few words after
    /// it, or, where nothing follows the figure, earlier in its sentence ("the number of clusters reached 193"); or a list
    /// whose own text names it. "Went through three stages: 2005–2009 …" counts stages, not clusters; "more than 70 such
    /// associations" counts no universities.
    /// </summary>
    private static bool CountsThe(QueryTerm counted, SearchDocument doc)
    {
        if (counted.CreditFrom(doc) == 0) return false;
        bool Names(string token) => counted.Matches.Contains(WordStemmer.Stem(token));
        // Named only by the words curated for the entry ("rounds" for the competition's stages): its counts are of it.
        if (!doc.StatementTexts().SelectMany(TextNormaliser.Tokenise).Any(Names)) return Counts(doc);
        if (doc.Fact is { Items.Count: > 0 } list && new[] { list.Text.Ru, list.Text.En }.SelectMany(TextNormaliser.Tokenise).Any(t => NamesAsNoun(counted, t)))
        {
            return true;
        }

        foreach (var sentence in doc.StatementTexts().SelectMany(Sentences.Of).SelectMany(s => s.Split("; ")))
        {
            var tokens = TextNormaliser.Tokenise(sentence);
            for (var k = 0; k < tokens.Count; k++)
            {
                // "несколько десятилетий" is a count of a span, if not an exact one; "one" refers ("the initial one")
                // as often as it counts.
                var span = QuantityWords.Contains(tokens[k]) && k + 1 < tokens.Count && SpanWords.Contains(tokens[k + 1]);
                if (IsYear(tokens[k]) || !QueryAnalysis.IsNumber(tokens[k]) && NumberWords.CountOf(tokens[k]) is null or 1 && !span) continue;
                // What it counts comes before the next figure: "three stages: 2005–2009 …" counts stages, and "three
                // stages of cluster policy" no clusters.
                var after = tokens.Skip(k + 1).TakeWhile(t => !QueryAnalysis.IsNumber(t)).ToList();
                if (after.Count == 0 ? tokens.Take(k).Any(Names) : after.Take(CountWindow).Any(t => NamesAsNoun(counted, t))) return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word of a list's heading names the counted thing as what the list is of, not as a modifier: "phases of
    /// cluster policy" ("кластерной политики") lists phases, not clusters. A word derived from the counted one's stem and
    /// an English singular say what kind of thing, not which things.
    /// </summary>
    private static bool NamesAsNoun(QueryTerm counted, string token)
    {
        var stem = WordStemmer.Stem(token);
        if (!counted.Matches.Contains(stem) || counted.Matches.Any(m => m != stem && stem.StartsWith(m, StringComparison.Ordinal))) return false;
        return !token.All(char.IsAsciiLetterLower) || token.EndsWith('s') || token != stem;
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
