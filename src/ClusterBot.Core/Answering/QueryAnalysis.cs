using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using F23.StringSimilarity;

namespace ClusterBot.Core.Answering;

/// <summary>A content word of a question, with the knowledge-base stems it matches.</summary>
/// <param name="Stem">The question word's stem (or its typo correction).</param>
/// <param name="Known">Whether the knowledge base uses this word at all.</param>
/// <param name="Matches">Stems of the knowledge base that count as this word (itself, longer forms, the corrected spelling).</param>
/// <param name="FromAlias">A word of a name the question used: it helps tell the named thing's facts apart.</param>
/// <param name="ProperName">Written with a capital letter inside the sentence (or in capitals): a name, not a word.</param>
/// <param name="Event">A verb of happening ("began", "закончилось"): a dated document answers for it.</param>
public sealed record QueryTerm(string Stem, bool Known, double Weight, IReadOnlySet<string> Matches, string? AliasOf = null, bool ProperName = false, bool Event = false)
{
    public bool FromAlias => AliasOf is not null;

    /// <summary>
    /// How far a document answers for this word: fully when it uses the word; half when the word is part of a name and
    /// the document is about the thing so named without using the word itself.
    /// </summary>
    public double CreditFrom(SearchDocument doc) =>
        Event ? (doc.HasYears || AnyIn(doc.Stems) ? 1 : 0)
        : AliasOf is null ? (AnyIn(doc.Stems) ? 1 : 0)
        : AnyIn(doc.TextStems) ? 1 : doc.EntityClosure.Contains(AliasOf) ? 0.5 : 0;

    // Looks the few forms of this word up in the document's many stems (HashSet.Overlaps would walk the document).
    private bool AnyIn(IReadOnlySet<string> stems)
    {
        foreach (var form in Matches)
        {
            if (stems.Contains(form)) return true;
        }

        return false;
    }
}

/// <summary>What a free-text question is made of: its intent, the entities it names, and its other content words.</summary>
public sealed record QueryAnalysis(
    IReadOnlyList<string> Tokens,
    Intent Intent,
    IReadOnlyList<string> EntityIds,
    IReadOnlyList<QueryTerm> Terms)
{
    public int UnknownCount => Terms.Count(t => !t.Known);

    /// <summary>
    /// A question answered by yes or no ("в баварии 14 кластерных платформ?", "is Hong Kong in the top 5?"): its
    /// figures, places and unknown words are the claim to check, not the topic to find.
    /// </summary>
    public bool YesNo { get; init; }

    /// <summary>Whether a term is the claim of a yes/no question rather than its topic.</summary>
    public bool IsClaim(QueryTerm term) => YesNo && (!term.Known || IsNumber(term.Stem) || YesNoQuestion.OrdinalOf(term.Stem) is not null);

    public static bool IsNumber(string token) => token.Length > 0 && char.IsDigit(token[0]);

    /// <summary>"Какая страна …", "in which country …": the answer is a country, so the word for it is what is asked, not a topic.</summary>
    public bool AsksWhichCountry { get; init; }

    /// <summary>
    /// "Это в Корее или в Германии?": two or more countries offered as the choice, so the answer is of one of them and
    /// the reply says which.
    /// </summary>
    public bool OffersCountries { get; init; }

    /// <summary>How many answers the question asks for ("which two countries", "list the 7 clusters"), or null.</summary>
    public int? AnswerSize { get; init; }

    /// <summary>The place in a list the question asks for ("третий", "number one", "на 6 месте"), or null.</summary>
    public int? PlaceAsked { get; init; }

    /// <summary>The place of a ranking asked in so many words ("на 6 месте", "rank 3"), or null.</summary>
    public int? RankAsked { get; init; }

    /// <summary>"В каком году", "what exact year": a year is asked, not only a time.</summary>
    public bool AsksWhichYear { get; init; }

    /// <summary>The kind of thing a "which …" question asks to be named ("какая провинция", "which regions"), or null.</summary>
    public LexiconAttribute? NameAsked { get; init; }

    /// <summary>What a "how many" question counts ("сколько компаний" → компан), when the question names it.</summary>
    public QueryTerm? Counted { get; init; }

    /// <summary>Places the question names that are none of the paper's named things ("Франция", "moscow").</summary>
    public IReadOnlyList<QueryTerm> Places { get; init; } = [];

    /// <summary>What the question asks of the thing it names, as the lexicon's attributes ("who founded", "budget").</summary>
    public IReadOnlyList<IndexedAttribute> Attributes { get; init; } = [];

    /// <summary>
    /// The question names something the paper never mentions ("Brazil", "Индия", "GDP"): whatever else it shares
    /// with the paper, it is about that other thing.
    /// </summary>
    public bool NamesSomethingUnknown => Terms.Any(t => !t.Known && t.ProperName);

    public IEnumerable<QueryTerm> KnownTerms => Terms.Where(t => t.Known);

    /// <summary>Entities the question names that are narrower than a country (a programme, region, phase or topic).</summary>
    public int SpecificEntityCount { get; init; }

    /// <summary>
    /// True when most of what the question is about is absent from the knowledge base. A country is broad
    /// ("the chancellor of Germany" is not about clusters), a programme or topic narrow enough to count twice.
    /// </summary>
    public bool IsMostlyUnknown
    {
        get
        {
            var total = Terms.Count(t => !t.FromAlias) + EntityIds.Count + SpecificEntityCount;
            return total == 0 || UnknownCount * 2 >= total;
        }
    }
}

/// <summary>
/// Splits a question into intent, entity mentions (names and aliases, longest match first, typo-tolerant)
/// and content terms (stemmed, stop words dropped, misspellings corrected against the vocabulary).
/// </summary>
public static class QueryAnalyser
{
    private static readonly OptimalStringAlignment Distance = new();

    /// <summary>A verb of happening says little of what is asked: it weighs like a common word.</summary>
    private const double EventWordWeight = 1.0;

    public static QueryAnalysis Analyse(string text, KnowledgeIndex index)
    {
        // Chat filler ("кароч", "плиз") says nothing about the question: it goes before anything reads the words.
        var all = RussianInLatin(TextNormaliser.Tokenise(text).ToList(), index);
        // …unless it begins a name: "го" of "го кластер" is go-cluster, not "let's go".
        var tokens = SplitCompounds(all.Where((t, k) => !index.IsFiller(t) || BeginsAlias(all, k, index)).ToList(), index);
        var names = ProperNames.In(text);
        var stems = tokens.Select(WordStemmer.Stem).ToList();
        // A place named in lower case ("what place is moscow") is still a name, and no English word in Cyrillic.
        // "US", "IT": a function word written as an acronym is content.
        var acronyms = Acronyms.StopWordsIn(text);
        bool Stop(string token) => StopWords.Contains(token) && !acronyms.Contains(token);
        var places = Enumerable.Range(0, tokens.Count).Where(k => index.IsPlace(tokens, k) && !Stop(tokens[k])).ToHashSet();
        names.UnionWith(places.Select(k => tokens[k]));
        var pairedInLatin = new HashSet<int>();
        for (var k = 0; k + 1 < tokens.Count; k++)
        {
            // "топ-даун", "боттом-ап": two English words in Cyrillic, read together.
            if (!tokens[k].All(Script.IsCyrillic) || !tokens[k + 1].All(Script.IsCyrillic) || places.Contains(k) || places.Contains(k + 1) ||
                index.IsKnownStem(stems[k]) && index.IsKnownStem(stems[k + 1]) || StopWords.Contains(tokens[k]) || StopWords.Contains(tokens[k + 1]) ||
                index.EnglishPairSoundingLike(tokens[k], tokens[k + 1]) is not { } pair)
            {
                continue;
            }

            // The English words stand in for the Cyrillic ones: "ап" is "up", a word that says nothing.
            (tokens[k], tokens[k + 1]) = pair;
            (stems[k], stems[k + 1]) = (WordStemmer.Stem(pair.First), WordStemmer.Stem(pair.Second));
            pairedInLatin.UnionWith([k, k + 1]);
            k++;
        }

        // "Ай-ти" is a phrase of the lexicon's own: its words are not read one by one as English sounds ("ай" as "ai").
        var inPhrase = new HashSet<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (MatchSynonymPhrase(stems, k, index) is { Length: > 1 } phrase) inPhrase.UnionWith(Enumerable.Range(k, phrase.Length));
        }

        for (var k = 0; k < tokens.Count; k++)
        {
            if (places.Contains(k) || pairedInLatin.Contains(k) || inPhrase.Contains(k)) continue;
            // An English word written in Cyrillic ("лидинг", "даун") reads as the English word it sounds like.
            if (!tokens[k].Any(Script.IsCyrillic) || index.IsKnownStem(stems[k]) || StopWords.Contains(tokens[k]) || index.AliasesStartingWith(stems[k]).Count > 0)
            {
                continue;
            }

            // "5г" is "5g"; a longer word by its sound.
            var latin = WordStemmer.Stem(Transliteration.ToLatin(tokens[k]));
            if (index.IsKnownStem(latin) || index.AliasesStartingWith(latin).Count > 0) stems[k] = latin;
            else if (Script.IsCyrillic(tokens[k][0]) && index.EnglishSoundingLike(tokens[k]) is { } english) stems[k] = english;
        }

        CorrectNameWords(tokens, stems, places, index);

        // The question word decides the kind of answer, so a misspelt one ("сколко", "wich") is read as meant.
        var intent = IntentDetector.Detect(tokens.Select((t, i) =>
            index.IsKnownStem(stems[i]) ? t : StopWords.Corrected(t) ?? t).ToList());
        var definitionWords = intent == Intent.Definition ? IntentDetector.DefinitionPhrasePositions(tokens) : [];
        var frame = PaperFrame.Positions(tokens);
        frame.UnionWith(RoleFrame.Positions(tokens));
        frame.UnionWith(BrevityFrame.Positions(tokens));
        frame.UnionWith(ConfirmationTag.Positions(text, tokens));
        var countryAsked = WhichCountry.Position(tokens);
        var yesNo = YesNoQuestion.Detect(text, tokens, intent);
        var entities = new List<string>();
        var terms = new List<QueryTerm>();
        var aliasTerms = new List<QueryTerm>();
        var correctedStems = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < tokens.Count;)
        {
            if (MatchAlias(stems, i, index) is { } alias)
            {
                if (!entities.Contains(alias.EntityId)) entities.Add(alias.EntityId);
                for (var j = i; j < i + alias.Length; j++)
                {
                    // The name's own words weigh half: they point at the named thing's facts that use them.
                    if (!StopWords.Contains(tokens[j]) && index.IsKnownStem(stems[j]) && stems[j].Length > 2)
                    {
                        var nameForms = Expand(stems[j], index);
                        aliasTerms.Add(new QueryTerm(stems[j], true, index.IdfOfAny(nameForms) / 2, nameForms, AliasOf: alias.EntityId));
                    }
                }

                i += alias.Length;
                continue;
            }

            if (MatchSynonymPhrase(stems, i, index) is { } phrase)
            {
                // "price tag", "how long": a phrase the lexicon equates with words the paper uses.
                var known = phrase.Forms.Where(index.IsKnownStem).ToHashSet(StringComparer.Ordinal);
                if (known.Count > 0) terms.Add(new QueryTerm(phrase.Key, true, index.IdfOfAny(known), known));
                i += phrase.Length;
                continue;
            }

            var token = tokens[i];
            var stem = stems[i];
            i++;
            if (definitionWords.Contains(i - 1) || frame.Contains(i - 1) || countryAsked == i - 1 || Stop(token) || IntentDetector.IsIntentWord(token) || IntentDetector.IsEventVerb(intent, token) ||
                token.Length < 2 && !char.IsDigit(token[0]))
            {
                continue;
            }

            if (IntentDetector.IsEventWord(token) || IntentDetector.IsEventWord(stem))
            {
                // "когда закончилось", "what began in 2005": a dated document speaks to the verb, whatever its wording.
                terms.Add(new QueryTerm(stem, true, Math.Min(index.Idf(stem), EventWordWeight), Expand(stem, index), Event: true));
                continue;
            }

            if (index.IsKnownStem(stem))
            {
                var matches = Expand(stem, index);
                // "which two countries", "назовите три этапа": the number is how many answers are wanted, hardly what they are about.
                var weight = IsAnswerSize(tokens, i - 1) ? Math.Min(index.IdfOfAny(matches), AnswerSizeWeight) : index.IdfOfAny(matches);
                terms.Add(new QueryTerm(stem, true, weight, matches));
                continue;
            }

            // A word the paper does not use, but a synonym it does ("бабки" → "бюджет"): the synonyms stand for it.
            var synonyms = index.SynonymsOf(stem).Where(index.IsKnownStem).ToHashSet(StringComparer.Ordinal);
            if (synonyms.Count > 0)
            {
                terms.Add(new QueryTerm(stem, true, index.IdfOfAny(synonyms), synonyms));
                continue;
            }

            if (FuzzyAlias(stem, index) is { } fuzzyEntity)
            {
                if (!entities.Contains(fuzzyEntity)) entities.Add(fuzzyEntity);
                continue;
            }

            // "Is TORCH's output for the domestic market?": a yes/no claim of one side of a scale the paper does not use is
            // answered by the fact that states the other ("to be exported"), and the verdict says no.
            if (yesNo && YesNoQuestion.OppositeSideOf(stem, index).Where(index.IsKnownStem).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } other)
            {
                terms.Add(new QueryTerm(stem, true, index.IdfOfAny(other), other));
                continue;
            }

            // A longer or shorter form the knowledge uses ("рекоменд" ~ "рекомендац") makes the word known.
            var forms = Expand(stem, index);
            if (forms.Count > 1)
            {
                forms.Remove(stem);
                terms.Add(new QueryTerm(stem, true, index.IdfOfAny(forms), forms));
                continue;
            }

            // "второй", "5th": a place in a list, read from the tokens by whatever ranks or picks items; not a word to find.
            if (StopWords.IsMisspelt(token) || !token.EndsWith('ь') && YesNoQuestion.OrdinalOf(stem) is not null)
            {
                continue;
            }

            var corrected = Correct(stem, token, index);
            if (corrected is not null) correctedStems.Add(corrected);
            terms.Add(corrected is null
                ? new QueryTerm(stem, false, index.Idf(stem), forms, ProperName: names.Contains(token))
                : CorrectedTerm(corrected, index));
        }

        // A word asked twice ("cluster … clusters") counts once; a name's word already asked as a word too.
        terms = terms.Concat(aliasTerms).DistinctBy(t => t.Stem).ToList();
        var specific = entities.Count(id => index.FindEntity(id)?.Kind is not Knowledge.EntityKind.Country);
        var countries = entities.Where(id => index.FindEntity(id)?.Kind is Knowledge.EntityKind.Country).ToHashSet(StringComparer.Ordinal);
        var offersCountries = countries.Count >= 2 && tokens.Any(t => t is "или" or "or");
        if (offersCountries && specific > 0)
        {
            // "Центр 5G — это в Корее или в Германии?": the countries are the choice of answers, the centre what is asked.
            entities = entities.Where(id => !countries.Contains(id)).ToList();
            terms = terms.Where(t => t.AliasOf is not { } of || !countries.Contains(of)).ToList();
        }

        var countedAt = intent == Intent.Count ? CountedAt(tokens, stems, terms) : -1;
        return new QueryAnalysis(tokens, intent, entities, terms) {
            Counted = countedAt >= 0 ? terms.FirstOrDefault(t => t.Stem == stems[countedAt] && !t.FromAlias) : null,
            SpecificEntityCount = specific,
            AsksWhichCountry = countryAsked >= 0,
            OffersCountries = offersCountries,
            NameAsked = countryAsked >= 0 ? null : WhichName.KindAsked(tokens),
            PlaceAsked = ListItemFocus.PlaceAsked(tokens),
            AnswerSize = AnswerSizeOf(tokens),
            RankAsked = ListItemFocus.RankAsked(tokens),
            AsksWhichYear = IntentDetector.AsksWhichYear(tokens),
            YesNo = yesNo,
            Places = terms.Where(t => !t.FromAlias && places.Any(k => stems[k] == t.Stem)).ToList(),
            // "buget" asks for the budget as surely as "budget" does.
            Attributes = index.Attributes.Where(a => (KnowledgeIndex.ContainsAny(tokens, a.Words) ||
                    a.Words.Any(w => w.Length == 1 && correctedStems.Contains(WordStemmer.Stem(w[0])))) && (intent == Intent.Count || !a.Attribute.OnlyHowMuch) &&
                    (intent != Intent.Count || CountsTheAttribute(tokens, Phrases.Contains(tokens, ["how", "much"]) ? -1 : countedAt, a)))
                // A count or a comparison of money is of sums: "extensive funding" gives neither.
                .Select(a => intent is Intent.Count or Intent.Compare ? a.AsAmount() : a).ToList(),
        };
    }

    /// <summary>
    /// Where a count question's counted word stands, or -1 when it counts years ("на сколько лет") or nothing: the first
    /// word after "сколько" / "how many" that is no stop word, no name after a preposition ("сколько в земле Бавария
    /// жителей"), no verb ("сколько провели мероприятий") and no modifier of the word after it ("сколько инновационных
    /// кластеров", "how many innovation clusters"); when a verb or nothing follows, the word before the phrase
    /// ("мероприятия скока провели", "research associations how many funded").
    /// </summary>
    private static int CountedAt(IReadOnlyList<string> tokens, IReadOnlyList<string> stems, IReadOnlyList<QueryTerm> terms)
    {
        if (IntentDetector.CountPhrase(tokens) is not var (start, end)) return -1;
        bool InName(int k) => terms.Any(t => t.FromAlias && t.Stem == stems[k]);
        bool Content(int k) => k < tokens.Count && !StopWords.Contains(tokens[k]) && terms.Any(t => t.Stem == stems[k]);
        var where = false;
        var verb = false;
        for (var at = end; at < tokens.Count && at <= end + 4; at++)
        {
            if (StopWords.IsTimeUnit(tokens[at])) return -1;
            where = InName(at) && (where || at > 0 && Prepositions.Contains(tokens[at - 1]));
            if (where || StopWords.Contains(tokens[at])) continue;
            // "how many funded so far" asks of what was named before; "number of initiated projects" counts projects.
            if (IsEnglishVerbForm(tokens[at]) && !Content(at + 1) || IsRussianVerbForm(tokens[at]))
            {
                verb = true;
                if (Script.IsCyrillic(tokens[at][0])) continue;
                break;
            }

            if (IsEnglishVerbForm(tokens[at])) continue;
            if (!Content(at)) return -1;
            return HeadOf(tokens, at, Content);
        }

        for (var at = start - 1; verb && at >= 0; at--)
        {
            if (StopWords.Contains(tokens[at]) || InName(at)) continue;
            // "193 — что за число" counts nothing: a figure is what is asked about.
            return Content(at) && !tokens[at].All(char.IsDigit) ? at : -1;
        }

        return -1;
    }

    /// <summary>
    /// The noun a phrase of content words starting at <paramref name="at"/> counts: in Russian past a genitive adjective
    /// ("инновационных кластеров"), in English its first plural ("innovation clusters", "top 100 clusters", "companies take part").
    /// </summary>
    private static int HeadOf(IReadOnlyList<string> tokens, int at, Func<int, bool> content)
    {
        if (Script.IsCyrillic(tokens[at][0]))
        {
            var word = tokens[at];
            return word.Length > 5 && (word.EndsWith("ых", StringComparison.Ordinal) || word.EndsWith("их", StringComparison.Ordinal)) && content(at + 1) ? at + 1 : at;
        }

        for (var k = at; k < at + 3 && content(k); k++)
        {
            if (tokens[k].Length > 3 && tokens[k].EndsWith('s') && !tokens[k].EndsWith("ss", StringComparison.Ordinal)) return k;
        }

        return at;
    }

    private static bool IsEnglishVerbForm(string token) =>
        token.Length > 4 && !Script.IsCyrillic(token[0]) && (token.EndsWith("ed", StringComparison.Ordinal) || token.EndsWith("ing", StringComparison.Ordinal));

    /// <summary>Russian verb and short-participle endings ("провели", "участвуют", "профинансировано").</summary>
    private static readonly string[] RussianVerbEndings = ["ли", "ло", "ла", "лось", "лись", "ется", "ются", "ует", "уют", "ают", "яют", "ано", "ено", "ены", "аны"];

    private static bool IsRussianVerbForm(string token) =>
        token.Length > 4 && Script.IsCyrillic(token[0]) && RussianVerbEndings.Any(e => token.EndsWith(e, StringComparison.Ordinal));

    /// <summary>
    /// Whether a count question counts the attribute: "how much", or its word or unit where the counted word stands
    /// ("сколько денег", "how many people live"). "How many research associations got funding" counts associations;
    /// the funding is what they got, not what is asked.
    /// </summary>
    private static bool CountsTheAttribute(IReadOnlyList<string> tokens, int countedAt, IndexedAttribute attribute) =>
        countedAt < 0 || attribute.Words.Concat(attribute.Attribute.Units.Select(u => TextNormaliser.Tokenise(u).ToArray()))
            .Any(p => Phrases.StartsOf(tokens, p).Contains(countedAt));

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal) { "в", "во", "у", "на", "по", "для", "in", "at", "of", "for", "on", "by" };

    /// <summary>
    /// "kitai skolko klasterov": Russian typed in Latin letters. A Latin word the paper does not know and that is no English
    /// function word is read in Cyrillic when that is a word the paper or the question words know; only when two or
    /// more words read so, so that one misspelt English word is not taken for Russian.
    /// </summary>
    private static List<string> RussianInLatin(List<string> tokens, KnowledgeIndex index)
    {
        string? Read(string t)
        {
            // An English word of the paper or the lexicon ("money", "please") is English.
            if (t.Length < 2 || !t.All(c => c is >= 'a' and <= 'z') || StopWords.Contains(t) || index.IsFiller(t) || IsLexiconWord(t, index)) return null;
            var cyr = Transliteration.ToCyrillic(t);
            if (StopWords.Contains(cyr)) return cyr;
            // A misspelt question word ("сколко"); no other misspelt function word: "buget" is not "будет".
            if (StopWords.Corrected(cyr) is { } word && IntentDetector.Detect([word]) != Intent.None) return word;
            var stem = WordStemmer.Stem(cyr);
            return index.IsKnownStem(stem) || index.SynonymsOf(stem).Count > 0 ? cyr : null;
        }

        var read = tokens.Select(Read).ToList();
        // A Russian question word alone ("skolko") is Russian enough.
        var russian = read.Count(r => r is not null) >= 2 || read.Any(r => r is not null && StopWords.Contains(r));
        return russian ? tokens.Select((t, k) => read[k] ?? t).ToList() : tokens;
    }

    private static bool IsLexiconWord(string token, KnowledgeIndex index)
    {
        var stem = WordStemmer.Stem(token);
        return index.IsKnownStem(stem) || index.SynonymsOf(stem).Count > 0 || index.Attributes.Any(a => a.Words.Any(w => w.Length == 1 && w[0] == token));
    }

    private static bool BeginsAlias(IReadOnlyList<string> tokens, int start, KnowledgeIndex index) =>
        index.AliasesStartingWith(WordStemmer.Stem(tokens[start])).Any(a => a.Stems.Length > 1 &&
            Phrases.StartsAt(tokens.Skip(start).Take(a.Stems.Length).Select(WordStemmer.Stem).ToList(), 0, a.Stems));

    private static (string Key, IReadOnlySet<string> Forms, int Length)? MatchSynonymPhrase(List<string> stems, int start, KnowledgeIndex index)
    {
        foreach (var phrase in index.SynonymPhrases)
        {
            if (!Phrases.StartsAt(stems, start, phrase)) continue;
            var key = KnowledgeIndex.PhraseKey(phrase);
            return (key, index.SynonymsOf(key), phrase.Length);
        }

        return null;
    }

    private static (string EntityId, int Length)? MatchAlias(List<string> stems, int start, KnowledgeIndex index)
    {
        (string, int)? best = null;
        foreach (var (aliasStems, entityId) in index.AliasesStartingWith(stems[start]))
        {
            if (start + aliasStems.Length > stems.Count || (best is { } b && b.Item2 >= aliasStems.Length)) continue;
            var match = true;
            for (var j = 1; j < aliasStems.Length && match; j++)
            {
                match = stems[start + j] == aliasStems[j];
            }

            if (match) best = (entityId, aliasStems.Length);
        }

        return best;
    }

    private static readonly HashSet<string> CompoundPrefixes = new(StringComparer.Ordinal)
    {
        "intra", "inter", "multi", "trans", "super", "semi", "anti", "post", "over", "under", "infra", "macro", "micro", "mega",
        "интра", "интер", "мульти", "транс", "супер", "полу", "анти", "пост", "макро", "микро", "мега",
    };

    /// <summary>A one-word alias the unknown word is a longer form or a one-letter typo of ("баварск" → Bavaria).</summary>
    private static string? FuzzyAlias(string stem, KnowledgeIndex index)
    {
        // "intra-university": the first part of a compound is a prefix, no misspelt name ("intro").
        if (stem.Length < 4 || !char.IsLetter(stem[0]) || CompoundPrefixes.Contains(stem)) return null;
        foreach (var (aliasStem, entityId) in index.SingleWordAliases)
        {
            if (aliasStem.Length >= 5 && stem.StartsWith(aliasStem, StringComparison.Ordinal) && stem.Length - aliasStem.Length <= 4)
            {
                return entityId;
            }
        }

        string? bestId = null;
        var bestDistance = double.MaxValue;
        foreach (var (aliasStem, entityId) in index.SingleWordAliases)
        {
            if (aliasStem.Length < 4 || Math.Abs(aliasStem.Length - stem.Length) > 1 || aliasStem[0] != stem[0] && aliasStem.Length < 6) continue;
            var d = Distance.Distance(stem, aliasStem);
            if (d <= MaxTypos(stem.Length) && d < bestDistance)
            {
                bestDistance = d;
                bestId = entityId;
            }
        }

        return bestId;
    }

    /// <summary>
    /// A misspelt word of a name of several words ("north rhine westfalia") is read as the name's word when that
    /// completes the name around it: the name is what the question means, not the nearest word the paper happens to use.
    /// </summary>
    private static void CorrectNameWords(IReadOnlyList<string> tokens, List<string> stems, HashSet<int> places, KnowledgeIndex index)
    {
        for (var k = 0; k < tokens.Count; k++)
        {
            if (places.Contains(k) || StopWords.Contains(tokens[k]) || index.IsKnownStem(stems[k]) || index.AliasWords.Contains(stems[k])) continue;
            var budget = MaxTypos(stems[k].Length);
            if (budget == 0) continue;
            var original = stems[k];
            // Each candidate's distance once, and only those near enough, nearest first.
            var near = index.AliasWords.Where(w => Math.Abs(w.Length - original.Length) <= budget && w[0] == original[0])
                .Select(w => (Word: w, Distance: Distance.Distance(original, w))).Where(c => c.Distance <= budget)
                .OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal).Select(c => c.Word);
            foreach (var word in near)
            {
                stems[k] = word;
                if (Enumerable.Range(Math.Max(0, k - 4), Math.Min(k, 4) + 1).Any(start => MatchAlias(stems, start, index) is { } alias && start + alias.Length > k)) break;
                stems[k] = original;
            }
        }
    }

    /// <summary>The closest vocabulary stem within the typo budget for the word's length, or null.</summary>
    private static string? Correct(string stem, string token, KnowledgeIndex index)
    {
        // A short stem of a longer word ("вонж" of "вонжу") is still a word of five letters: one slip is forgiven
        // when it keeps the first two letters.
        var shortOfLonger = stem.Length == 4 && token.Length >= 5;
        var budget = shortOfLonger ? 1 : MaxTypos(stem.Length);
        if (budget == 0 || !char.IsLetter(stem[0])) return null;
        string? best = null;
        var bestDistance = double.MaxValue;
        for (var length = stem.Length - budget; length <= stem.Length + budget; length++)
        {
            foreach (var candidate in index.VocabularyOfLength(length))
            {
                // A misspelt word nearly always keeps its first or second letter: skip the distance otherwise.
                if (candidate[0] != stem[0] && candidate[1] != stem[1] || shortOfLonger && (candidate[0] != stem[0] || candidate[1] != stem[1])) continue;
                var d = Distance.Distance(stem, candidate);
                if (d <= budget && d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }

        return best;
    }

    private static int MaxTypos(int length) => length switch
    {
        < 5 => 0,
        < 9 => 1,
        _ => 2,
    };

    /// <summary>The stem and the vocabulary stems that are its longer or shorter forms (кластер ↔ кластерн).</summary>
    /// <summary>Words after which a small number says how many answers are wanted ("which two", "назовите три").</summary>
    private static readonly HashSet<string> AnswerSizeOpeners = new(StringComparer.Ordinal)
    {
        "which", "what", "name", "list", "какие", "каких", "какая", "какой", "назовите", "назови", "перечислите", "перечисли",
    };

    /// <summary>What a number that only sizes the answer weighs: as a common word.</summary>
    private const double AnswerSizeWeight = 1.0;

    private static bool IsAnswerSize(IReadOnlyList<string> tokens, int k)
    {
        if (k <= 0 || NumberWords.CountOf(tokens[k]) is not (> 1 and <= 10)) return false;
        // "What are the two regions", "list the five largest", "назовите все три": the number still sizes the answer.
        var j = k - 1;
        while (j > 0 && j >= k - 2 && AnswerSizeBetween.Contains(tokens[j])) j--;
        return AnswerSizeOpeners.Contains(tokens[j]);
    }

    /// <summary>How many answers the question asks for ("which two countries", "list the 7 clusters"), or null.</summary>
    private static int? AnswerSizeOf(IReadOnlyList<string> tokens) =>
        Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).Where(k => IsAnswerSize(tokens, k)).Select(k => NumberWords.CountOf(tokens[k])).FirstOrDefault();

    private static readonly HashSet<string> AnswerSizeBetween = new(StringComparer.Ordinal) { "the", "are", "were", "these", "those", "все", "эти", "те" };

    private static QueryTerm CorrectedTerm(string corrected, KnowledgeIndex index)
    {
        var matches = Expand(corrected, index);
        return new QueryTerm(corrected, true, index.IdfOfAny(matches), matches);
    }

    private static HashSet<string> Expand(string stem, KnowledgeIndex index)
    {
        var matches = new HashSet<string>(StringComparer.Ordinal) { stem };
        // A word's synonyms that the paper uses count as the word ("финансирование" for "бюджет").
        matches.UnionWith(index.SynonymsOf(stem).Where(index.IsKnownStem));
        // Only Russian: its many endings leave stems of one word at different lengths; English Snowball
        // already meets, and English prefixes mislead ("popul" is not "popular").
        if (stem.Length < 5 || !Script.IsCyrillic(stem[0])) return matches;
        foreach (var longer in index.VocabularyStartingWith(stem))
        {
            if (longer.Length - stem.Length <= 3) matches.Add(longer);
        }

        // Shorter forms down to four letters ("усиливала" → "усил", as in "усилило"); the stem itself has five or more.
        for (var length = Math.Max(4, stem.Length - 3); length < stem.Length; length++)
        {
            var shorter = stem[..length];
            if (index.IsKnownStem(shorter)) matches.Add(shorter);
        }

        if (!index.IsKnownStem(stem))
        {
            // A verb the paper uses with another aspect's prefix: "формулируют" is its "сформулировать", "сформировали" its "формирование".
            foreach (var prefix in VerbPrefixes)
            {
                foreach (var prefixed in index.VocabularyStartingWith(prefix + stem).Where(w => w.Length - stem.Length - prefix.Length <= 3)) matches.Add(prefixed);
                if (stem.Length - prefix.Length >= 5 && stem.StartsWith(prefix, StringComparison.Ordinal) && index.IsKnownStem(stem[prefix.Length..])) matches.Add(stem[prefix.Length..]);
            }
        }

        return matches;
    }

    /// <summary>Russian compounds' clipped first halves ("госинициативы", "медоборудование") and the adjective each stands for.</summary>
    private static readonly (string Clip, string Word)[] CompoundClips =
    [
        ("гос", "государственный"), ("мед", "медицинский"), ("пром", "промышленный"), ("нац", "национальный"), ("спец", "специальный"), ("фед", "федеральный"),
    ];

    /// <summary>
    /// A compound the paper does not use, whose second half it does, read as its two words: "госинициативы" is
    /// "государственные инициативы", "медоборудование" "медицинское оборудование", "топ1" "топ 1". A word the paper uses, or a name, stays whole.
    /// </summary>
    private static List<string> SplitCompounds(List<string> tokens, KnowledgeIndex index)
    {
        var split = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var stem = WordStemmer.Stem(token);
            var clip = index.IsKnownStem(stem) || index.AliasesStartingWith(stem).Count > 0 ? default
                : CompoundClips.FirstOrDefault(c => token.Length >= c.Clip.Length + 4 && token.StartsWith(c.Clip, StringComparison.Ordinal) &&
                    index.IsKnownStem(WordStemmer.Stem(token[c.Clip.Length..])));
            // "топ1", "top5": a word the paper uses run into a number is the two.
            var letters = token.TakeWhile(char.IsLetter).Count();
            if (clip.Clip is null && letters >= 2 && letters < token.Length && token[letters..].All(char.IsDigit) && !index.IsKnownStem(stem) &&
                index.IsKnownStem(WordStemmer.Stem(token[..letters])))
            {
                split.Add(token[..letters]);
                split.Add(token[letters..]);
                continue;
            }

            // "на фед уровне": a clip standing alone is its word.
            if (clip.Clip is null && !index.IsKnownStem(stem) && CompoundClips.FirstOrDefault(c => c.Clip == token) is { Word: { } whole })
            {
                split.Add(whole);
                continue;
            }

            if (clip.Clip is null)
            {
                split.Add(token);
                continue;
            }

            split.Add(clip.Word);
            split.Add(token[clip.Clip.Length..]);
        }

        return split;
    }

    private static readonly string[] VerbPrefixes = ["с", "со", "за", "по", "вы", "на", "от", "пере", "при", "про", "раз", "рас", "об", "под", "из", "ис", "у"];
}
