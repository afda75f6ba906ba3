using System.Runtime.CompilerServices;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// "Какая провинция …", "which three Korean regions …", "в каком городе": a question whose answer is a name of that
/// kind of thing. A fact that names nothing but what the question itself names does not answer it: "which Chinese
/// province has the most clusters" is not answered by a fact about China's coastal provinces that names none.
/// </summary>
public static class WhichName
{
    /// <summary>Words that ask which one: "какая страна", "в каком городе", "назовите провинции", "which region".</summary>
    internal static readonly HashSet<string> Which = new(StringComparer.Ordinal)
    {
        "какой", "какая", "какое", "какие", "каких", "каким", "какую", "каком", "какому", "какого", "какими", "которая", "которой",
        "which", "what", "назови", "назовите", "name", "list", "перечисли", "перечислите",
    };

    /// <summary>Words that may stand between the question word and the kind: "в каких именно регионах", "which big companies".</summary>
    private static readonly HashSet<string> Between = new(StringComparer.Ordinal)
    {
        "именно", "конкретно", "конкретные", "конкретных", "точно", "exactly", "specifically", "precisely", "particular", "specific",
        "actual", "big", "major", "large", "main", "key", "the", "names", "and", "of",
    };

    /// <summary>Kinds of thing known by their names, in the forms a question uses.</summary>
    private static readonly Dictionary<string, string> KindWords = new(StringComparer.Ordinal)
    {
        ["провинция"] = "province", ["провинции"] = "province", ["провинций"] = "province", ["провинцию"] = "province", ["провинциях"] = "province", ["провинциям"] = "province", ["провинциями"] = "province", ["провинцией"] = "province",
        ["province"] = "province", ["provinces"] = "province",
        ["город"] = "city", ["города"] = "city", ["городов"] = "city", ["городе"] = "city", ["городах"] = "city", ["городам"] = "city", ["городами"] = "city", ["city"] = "city", ["cities"] = "city",
        ["университет"] = "university", ["университета"] = "university", ["университеты"] = "university", ["университетов"] = "university",
        ["университете"] = "university", ["университетам"] = "university", ["университетами"] = "university", ["университетах"] = "university", ["вуз"] = "university", ["вузы"] = "university", ["вузов"] = "university",
        ["university"] = "university", ["universities"] = "university",
        ["министерство"] = "ministry", ["министерства"] = "ministry", ["министерств"] = "ministry", ["ведомство"] = "ministry", ["ведомства"] = "ministry",
        ["ministry"] = "ministry", ["ministries"] = "ministry",
        ["организация"] = "organisation", ["организации"] = "organisation", ["организаций"] = "organisation", ["организацию"] = "organisation",
        ["организацией"] = "organisation", ["organisation"] = "organisation", ["organization"] = "organisation", ["organisations"] = "organisation",
        ["organizations"] = "organisation", ["agency"] = "organisation", ["агентство"] = "organisation",
        ["регион"] = "region", ["региона"] = "region", ["регионы"] = "region", ["регионов"] = "region", ["регионе"] = "region", ["регионах"] = "region", ["регионам"] = "region", ["регионами"] = "region",
        ["земля"] = "region", ["земли"] = "region", ["земель"] = "region", ["земле"] = "region", ["землях"] = "region", ["землям"] = "region", ["землями"] = "region",
        ["region"] = "region", ["regions"] = "region",
        ["компания"] = "company", ["компании"] = "company", ["компаний"] = "company", ["компанию"] = "company", ["компаниях"] = "company",
        ["фирма"] = "company", ["фирмы"] = "company", ["фирм"] = "company", ["предприятия"] = "company", ["предприятий"] = "company",
        ["company"] = "company", ["companies"] = "company", ["firm"] = "company", ["firms"] = "company",
        ["программа"] = "programme", ["программы"] = "programme", ["программу"] = "programme", ["программой"] = "programme",
        ["programme"] = "programme", ["programmes"] = "programme", ["program"] = "programme", ["programs"] = "programme",
    };

    /// <summary>What each kind asks, as the attribute a fact must give.</summary>
    private static readonly Dictionary<string, LexiconAttribute> KindAttributes = new[]
    {
        ("province", new Localized("какая именно провинция", "which province by name")),
        ("city", new Localized("какой именно город", "which city by name")),
        ("university", new Localized("какой именно университет", "which university by name")),
        ("ministry", new Localized("какое именно министерство", "which ministry by name")),
        ("organisation", new Localized("какая именно организация", "which organisation by name")),
        ("region", new Localized("какой именно регион", "which region by name")),
        ("company", new Localized("какие именно компании", "which companies by name")),
        ("programme", new Localized("какая именно программа", "which programme by name")),
        (AnyKind, new Localized("как это называется", "what it is called")),
    }.ToDictionary(k => k.Item1, k => new LexiconAttribute("name-" + k.Item1, k.Item2, []), StringComparer.Ordinal);

    private static readonly string[] RussianAdjectiveEndings =
        ["ий", "ый", "ой", "ая", "яя", "ое", "ее", "ие", "ые", "их", "ых", "ую", "юю", "ого", "его", "ому", "ему", "ым", "им", "ыми", "ими"];

    // "-ch" for "French", "Dutch"; a noun before the kind ("research programme") modifies it as well.
    private static readonly string[] EnglishAdjectiveEndings = ["ese", "an", "al", "ic", "ish", "ern", "ed", "ch"];

    /// <summary>The kind of "the name of …", "название …": whatever the words after it are, a name is asked.</summary>
    private const string AnyKind = "any";

    /// <summary>"What's the name of the special zone", "название платформы": the words that ask for a name as such.</summary>
    private static readonly HashSet<string> NameNouns = new(StringComparer.Ordinal) { "название", "названия", "названием" };

    /// <summary>What the question asks to be named, as the attribute a fact must give, or null when it asks for no name.</summary>
    public static LexiconAttribute? KindAsked(IReadOnlyList<string> tokens)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (NameNouns.Contains(tokens[k]) || tokens[k] == "name" && k + 1 < tokens.Count && tokens[k + 1] == "of") return KindAttributes[AnyKind];
        }

        for (var k = 1; k < tokens.Count; k++)
        {
            if (!KindWords.TryGetValue(tokens[k], out var kind)) continue;
            // "Which three Korean regions", "какие прибрежные провинции Китая": the kind word heads the question word's phrase.
            for (var j = k - 1; j >= 0 && j >= k - 4; j--)
            {
                if (Which.Contains(tokens[j])) return KindAttributes[kind];
                // "Which French cluster programme": in English a noun of another kind before the kind word modifies it.
                if (!Modifies(tokens[j]) && !Between.Contains(tokens[j]) && !(IsLatin(tokens[j]) && OtherKindWords.ContainsKey(tokens[j]))) break;
            }
        }

        return null;
    }

    private static bool Modifies(string token) =>
        QueryAnalysis.IsNumber(token) || NumberWords.CountOf(token) is not null || IsAdjective(token);

    private static bool IsLatin(string token) => token[0] is >= 'a' and <= 'z';

    internal static bool IsAdjective(string token) =>
        (Script.IsCyrillic(token[0]) ? RussianAdjectiveEndings : EnglishAdjectiveEndings).Any(e => token.Length > e.Length + 2 && token.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Words that make a name one of another kind: "National Commissions" is no province, "Leading-Edge Cluster" no city.</summary>
    private static readonly Dictionary<string, string> OtherKindWords = new(StringComparer.Ordinal)
    {
        ["commission"] = "organisation", ["commissions"] = "organisation", ["комиссия"] = "organisation", ["комиссии"] = "organisation",
        ["council"] = "organisation", ["committee"] = "organisation", ["association"] = "organisation", ["ассоциация"] = "organisation",
        ["centre"] = "organisation", ["center"] = "organisation", ["центр"] = "organisation", ["institute"] = "organisation", ["институт"] = "organisation",
        ["programme"] = "programme", ["program"] = "programme", ["программа"] = "programme", ["strategy"] = "programme", ["стратегия"] = "programme",
        ["plan"] = "programme", ["план"] = "programme", ["competition"] = "programme", ["конкурс"] = "programme", ["platform"] = "programme",
        ["платформа"] = "programme", ["project"] = "programme", ["проект"] = "programme", ["cluster"] = "programme", ["кластер"] = "programme",
        ["index"] = "programme", ["индекс"] = "programme",
    };

    private static string? KindOf(string word) =>
        KindWords.TryGetValue(word, out var kind) || OtherKindWords.TryGetValue(word, out kind) ? kind : null;

    /// <summary>
    /// Whether what the document states names something the question does not and that may be of the kind asked: a
    /// run of words written as names (capitalised inside a sentence, an acronym, or a word the knowledge writes only as
    /// a name), other than the question's own words and the country the document is about, and not made a name of
    /// another kind by its own words.
    /// </summary>
    public static bool NamesSomethingElse(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index)
    {
        var kind = KindAttributes.FirstOrDefault(k => ReferenceEquals(k.Value, query.NameAsked)).Key;
        var names = NameWords.GetValue(index, Collect);
        var own = query.Tokens.Concat(query.Tokens.Select(Transliteration.ToLatin)).Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);
        own.UnionWith(query.Terms.SelectMany(t => t.Matches));
        // The question's own names and the document's country, in both languages.
        foreach (var named in doc.Roots.Concat(query.EntityIds).Select(index.FindEntity).OfType<Entity>())
        {
            own.UnionWith(new[] { named.Name.Ru, named.Name.En }.Concat(named.Aliases.All).SelectMany(WordStemmer.StemAll));
        }

        bool Own(string word) => new[] { WordStemmer.Stem(word), WordStemmer.Stem(Transliteration.ToLatin(word)) }.Any(stem =>
            own.Contains(stem) || stem.Length >= 4 && own.Any(o => o.Length >= 4 && (o.StartsWith(stem, StringComparison.Ordinal) || stem.StartsWith(o, StringComparison.Ordinal))));

        // A name's kind is in its words or the word after it ("Национальные комиссии", "Федеральное министерство").
        // "Какие компании в кластере Ульсан": of a list, the item the question is about; the other items' names are no answer.
        var texts = doc.Fact is { } list && ListItemFocus.Pick(query, list) is { } item ? [list.Text.Ru, list.Text.En, item.Text.Ru, item.Text.En] : doc.StatementTexts();
        // "The name of the special zone" is not a programme's name: of any kind, a name of a kind the question does not speak of is no answer.
        var kindsAsked = query.Tokens.Select(KindOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // A country or city the paper mentions names no programme, company or ministry.
        var places = kind is "city" or "province" or "region" or AnyKind;
        var namesOne = texts.SelectMany(t => ProperNames.Runs(t, names)).Any(run =>
            !run.Name.All(Own) && !(run.Acronym && kind is "city" or "province") && (places || !index.IsPlace(run.Name, 0)) &&
            !run.Name.Append(run.Next).Any(w => w is not null && KindOf(w) is { } k && (kind == AnyKind ? !kindsAsked.Contains(k) : k != kind)));
        return namesOne || !query.Tokens.Any(Superlatives.Contains) && DescribesTheKind(doc, kind, LanguageOf(query.Tokens), Own);
    }

    /// <summary>
    /// "Which of the 14 clusters is the biggest?", "какой кластер самый крупный?": which one leads is asked, and only a
    /// ranking or a fact that says which leads ("the largest", "лидеры") answers it; a list that ranks nothing does not.
    /// </summary>
    public static bool AsksWhichLeads(IReadOnlyList<string> tokens) =>
        tokens.Any(Which.Contains) && tokens.Any(t => LeadWords.Any(w => t.StartsWith(w, StringComparison.Ordinal)));

    /// <summary>Whether the document ranks its items or says which leads.</summary>
    public static bool SaysWhichLeads(SearchDocument doc) =>
        // A ranking numbers its items in their text ("1. Tokyo–Yokohama"), or a text numbers them inline.
        doc.StatementTexts().Any(t => t.Length > 2 && char.IsDigit(t[0]) && t[1] == '.' || t.Contains(" 1. ", StringComparison.Ordinal) || t.Contains(": 1.", StringComparison.Ordinal)) ||
        doc.StatementTexts().SelectMany(TextNormaliser.Tokenise).Any(t => LeadWords.Any(w => t.StartsWith(w, StringComparison.Ordinal)) || DocLeadWords.Any(w => t.StartsWith(w, StringComparison.Ordinal)));

    private static readonly string[] LeadWords =
        ["biggest", "largest", "highest", "крупнейш", "наибольш", "самый", "самая", "самое", "самые", "самых", "самого", "самой"];

    /// <summary>Words that say which leads ("the leaders by number", "больше всего"); "ведущих рынков" and "first stage" do not.</summary>
    private static readonly string[] DocLeadWords = ["most", "leader", "лидер", "лидиру", "больше"];

    /// <summary>"Which one has the most", "главный": one thing is asked, and only its name gives it.</summary>
    private static readonly HashSet<string> Superlatives = new(StringComparer.Ordinal)
    {
        "most", "largest", "biggest", "main", "leading", "больше", "наибольшее", "наибольшим", "наибольшей", "самый", "самая", "самое", "самые",
        "самых", "главный", "главная", "главное", "главные", "крупнейший", "крупнейшая", "крупнейшие", "ведущий", "ведущая", "ведущие",
    };

    /// <summary>
    /// Whether the document says what kind of them with an adjective the question has not used ("благодаря прибрежным
    /// провинциям" answers "which provinces spread clusters"); a count ("в трёх регионах"), a determiner ("отдельных
    /// регионов") or a verb ("где расположены университеты") does not.
    /// </summary>
    private static bool DescribesTheKind(SearchDocument doc, string? kind, Lang lang, Func<string, bool> own)
    {
        foreach (var tokens in StatementsIn(doc, lang).Select(TextNormaliser.Tokenise))
        {
            for (var k = 1; k < tokens.Count; k++)
            {
                var before = tokens[k - 1];
                if (KindWords.TryGetValue(tokens[k], out var of) && of == kind && IsAdjective(before) && !StopWords.Contains(before) &&
                    NumberWords.CountOf(before) is null && !Quantities.Contains(before) && !own(before))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What the document states in one language: a modifier is compared with the question's words in the question's language.</summary>
    private static IEnumerable<string> StatementsIn(SearchDocument doc, Lang lang) => doc.Fact is { } f
        ? f.Items.Select(i => i.Text[lang]).Prepend(f.Text[lang])
        : [doc.Entity!.Name[lang], doc.Entity.Summary[lang]];

    private static Lang LanguageOf(IReadOnlyList<string> tokens) =>
        tokens.Count(t => Script.IsCyrillic(t[0])) * 2 >= tokens.Count(t => char.IsLetter(t[0])) ? Lang.Ru : Lang.En;

    private static readonly HashSet<string> Quantities = new(StringComparer.Ordinal)
    {
        "несколько", "нескольких", "многих", "многие", "всех", "все", "разных", "других", "several", "many", "all", "various", "other", "some",
        "отдельных", "отдельные", "отдельным", "определённых", "определенных", "различных", "различные", "таких", "этих", "individual", "certain",
        "particular", "different", "such", "these", "those",
    };

    private static readonly ConditionalWeakTable<KnowledgeIndex, HashSet<string>> NameWords = new();

    private static readonly ConditionalWeakTable<KnowledgeIndex, HashSet<string>> NameStems = new();

    /// <summary>
    /// Whether the stem is of a word the knowledge writes only as a name ("европе", "japan's", "токио"), and not only as
    /// an acronym: "ИТ" and "МСП" are common nouns.
    /// </summary>
    public static bool IsNameStem(string stem, KnowledgeIndex index) => NameStems.GetValue(index, CollectStems).Contains(stem);

    private static HashSet<string> CollectStems(KnowledgeIndex index)
    {
        var names = NameWords.GetValue(index, Collect);
        return index.Documents.SelectMany(d => d.StatementTexts()).SelectMany(t => ProperNames.Runs(t, names)).Where(r => !r.Acronym)
            .SelectMany(r => r.Name).Where(names.Contains).Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The words the knowledge writes as names in its statements, lower-cased: capitalised inside a sentence or heading a
    /// numbered item ("3. Вонджу"), and never in lower case, so that "The" after a colon or "Федеральное" heading a
    /// title is no name.
    /// </summary>
    private static HashSet<string> Collect(KnowledgeIndex index)
    {
        var texts = index.Documents.SelectMany(d => d.StatementTexts()).ToList();
        var heads = texts.Select(t => ProperNames.ItemHead(t))
            .Concat(index.Documents.SelectMany(d => d.Fact?.ItemTexts.All ?? []).Select(t => ProperNames.ItemHead(t, isItem: true)));
        var names = texts.SelectMany(ProperNames.In).Concat(heads.OfType<string>()).ToHashSet(StringComparer.Ordinal);
        names.ExceptWith(texts.SelectMany(ProperNames.InLowerCase));
        return names;
    }

}
