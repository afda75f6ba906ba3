using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// Questions answered by yes or no, and the verdict a fact gives them: the figures, the place in a list or the
/// item the question claims either are what the fact says (yes) or are not (no, and the fact says what is).
/// </summary>
public static partial class YesNoQuestion
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        "кто", "что", "чем", "чему", "чего", "как", "какой", "какая", "какое", "какие", "каких", "каким", "какому", "каком", "какую",
        "каков", "какова", "каковы", "где", "куда", "откуда", "почему", "зачем", "сколько", "когда", "чей", "чья", "чьи", "назови",
        "кого", "кому", "кем", "ком", "чём", "какого", "какими", "каких", "который", "которая", "которое", "которые", "которых",
        "назовите", "перечисли", "перечислите", "опиши", "опишите", "расскажи", "расскажите", "объясни", "объясните",
        "what", "which", "who", "whom", "whose", "how", "why", "where", "when", "list", "name", "describe", "explain", "tell",
    };

    internal static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "does", "do", "did", "has", "have", "had", "can", "could", "will", "would", "should", "isn", "aren", "wasn", "doesn", "didn",
    };

    private static readonly string[][] TruthOpeners =
    [
        ["правда", "что"], ["правда", "ли"], ["верно", "что"], ["верно", "ли"], ["правда"], ["is", "it", "true"], ["true", "that"], ["true", "or", "false"],
    ];

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["перв"] = 1, ["втор"] = 2, ["трет"] = 3, ["четверт"] = 4, ["пят"] = 5, ["шест"] = 6, ["седьм"] = 7,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
    };

    /// <summary>"Что за …", "чё за …": "what kind of …", whose "что" the filler list may have taken.</summary>
    private static readonly string[][] WhatKindOf = [["что", "за"], ["чё", "за"], ["че", "за"], ["чо", "за"]];

    /// <summary>Words besides the question words that make a question ask "when" outright: "с какого времени", "since when".</summary>
    private static readonly HashSet<string> WhenWords = new(StringComparer.Ordinal) { "с", "since" };

    private static readonly HashSet<string> OrWords = new(StringComparer.Ordinal) { "или", "либо", "or" };

    private static readonly HashSet<string> NotWords = new(StringComparer.Ordinal) { "нет", "not", "no" };

    /// <param name="text">The question as written.</param>
    /// <param name="tokens">Its words without chat filler.</param>
    /// <param name="intent">What its question word asks.</param>
    public static bool Detect(string text, IReadOnlyList<string> tokens, Intent intent)
    {
        var asks = Enumerable.Range(0, tokens.Count).Any(i => QuestionWords.Contains(tokens[i]) && !ThanOfComparative(tokens, i));
        // "Число компаний — 40, верно?": a claim with a tag asking to confirm it, whatever count or time word it uses.
        if (tokens.Count >= 2 && intent is Intent.None or Intent.Count or Intent.When && ConfirmationTag.Positions(text, tokens).Count > 0 &&
            !asks) return true;
        // "ОВОП — это 80-е годы?": a time word without a question word is part of a claim, not a "when".
        if (tokens.Count < 2 || intent is Intent.Count or Intent.Definition or Intent.Compare or Intent.List ||
            intent == Intent.When && (asks || tokens.Any(WhenWords.Contains))) return false;
        // "Правда что …", "is it true that …": a claim put to the bot, whatever question word follows.
        if (TruthOpeners.Any(o => Phrases.StartsOf(tokens, o).Contains(0))) return true;
        // "Does being close to deposits matter when choosing where to build?": a question word inside the claim asks
        // nothing; "do you know what TORCH is?" asks what it is.
        if (Auxiliaries.Contains(tokens[0]) && tokens[1] is not ("you" or "u" or "we")) return !Alternatives(tokens);
        if (asks) return false;
        var written = TextNormaliser.Tokenise(text).ToList();
        if (WhatKindOf.Any(p => Phrases.Contains(written, p))) return false;
        // "Top-down or bottom-up?" offers a choice: neither yes nor no answers it. "… или нет?" is a yes/no question.
        if (Alternatives(tokens)) return false;
        if (tokens.Contains("ли") || text.Contains("или нет", StringComparison.OrdinalIgnoreCase) || text.Contains("or not", StringComparison.OrdinalIgnoreCase)) return true;
        if (Auxiliaries.Contains(tokens[0])) return true;
        // "gii: did the top five change?": a topic named first, then the question.
        if (text.IndexOf(':') is var colon and > 0 && TextNormaliser.Tokenise(text[(colon + 1)..]).FirstOrDefault() is { } first && Auxiliaries.Contains(first)) return true;
        // A Russian question without a question word is put as a claim ("TORCH запустили в 90-х?"), whatever name opens it;
        // an English one when it says something of it ("GII 2022 Seoul is ahead of Beijing?"), not when it only names things.
        return text.TrimEnd().EndsWith('?') && (Script.Detect(text) == Lang.Ru || tokens.Skip(1).Any(Auxiliaries.Contains));
    }

    /// <summary>"легче, чем …", "проще чем": the "чем" after a Russian comparative is "than", no question word.</summary>
    private static bool ThanOfComparative(IReadOnlyList<string> tokens, int at) =>
        tokens[at] == "чем" && Enumerable.Range(Math.Max(0, at - 2), Math.Min(2, at)).Any(k => ComparativeEnding().IsMatch(tokens[k]));

    [System.Text.RegularExpressions.GeneratedRegex("^[а-яё]{2,}(?:ее|ей|ше|же|че|ще|ле)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ComparativeEnding();

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "не", "нет", "ни", "без", "not", "no", "nothing", "never", "neither", "nor", "without", "didn", "doesn", "isn", "wasn", "hasn", "haven",
    };

    /// <summary>Whether the question offers two answers to choose from ("сверху вниз или снизу вверх?"), not "… or not?".</summary>
    private static bool Alternatives(IReadOnlyList<string> tokens) =>
        Enumerable.Range(1, Math.Max(0, tokens.Count - 2)).Any(k => OrWords.Contains(tokens[k]) && !NotWords.Contains(tokens[k + 1]));

    /// <summary>A negation that only closes the question ("… или нет?", "… or not?") denies nothing.</summary>
    private static bool NegatedQuestion(IReadOnlyList<string> tokens) =>
        Enumerable.Range(0, tokens.Count).Any(k => Negators.Contains(tokens[k]) && !(k > 0 && OrWords.Contains(tokens[k - 1])));

    /// <summary>
    /// Whether the fact denies what the question asks: its words for the question's verb or claim stand only after a
    /// negation ("did the top five change?" — "nothing has changed"; "неизменным"), while the question puts it plainly
    /// (or the other way round).
    /// </summary>
    private static bool Negates(QueryAnalysis query, SearchDocument doc)
    {
        var questionNegated = NegatedQuestion(query.Tokens);
        foreach (var term in query.Terms.Where(t => t.Known && !t.FromAlias && !QueryAnalysis.IsNumber(t.Stem) && OrdinalOf(t.Stem) is null))
        {
            var uses = doc.StatementTexts().SelectMany(text => Uses(TextNormaliser.Tokenise(text), term)).ToList();
            if (uses.Count > 0 && uses.All(negated => negated) != questionNegated) return true;
        }

        return false;
    }

    /// <summary>
    /// Whether the question claims one side of a scale the lexicon knows and a sentence of the fact that speaks of the
    /// claim states only the other: "run by provincial governments?" against "its implementation was entrusted to the
    /// central government". Another sentence's "local projects" does not make the claim true.
    /// </summary>
    private static bool Opposes(QueryAnalysis query, IReadOnlyList<List<string>> sentences, KnowledgeIndex index)
    {
        var pairs = OppositeStems.GetValue(index, StemOpposites);
        if (pairs.Count == 0) return false;
        var asked = query.Tokens.Select(WordStemmer.Stem).ToList();
        foreach (var sentence in sentences)
        {
            bool States(IReadOnlyList<string[]> side) => side.Any(phrase => Phrases.Contains(sentence, phrase));
            foreach (var (one, other) in pairs)
            {
                var claimed = one.Any(w => Phrases.Contains(asked, w)) ? (Side: one, Against: other) : other.Any(w => Phrases.Contains(asked, w)) ? (Side: other, Against: one) : default;
                if (claimed.Side is null || States(claimed.Side) || !States(claimed.Against)) continue;
                // The sentence is about the claim when it uses another of its words ("government", "TORCH").
                var side = claimed.Side.SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
                if (query.Terms.Any(t => !side.Contains(t.Stem) && UsedIn(sentence, t))) return true;
            }
        }

        return false;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeIndex, List<(string[][] One, string[][] Other)>> ComparativeStems = new();

    /// <summary>What a comparison sets its first side against: "than", "чем", "по сравнению с", "compared with".</summary>
    private static readonly string[][] ThanPhrases = new[] { "чем", "than", "по сравнению с", "в сравнении с", "compared with", "compared to", "in comparison with" }
        .Select(p => WordStemmer.StemAll(p).ToArray()).ToArray();

    /// <summary>
    /// The verdict of a sentence comparing two things on a claim that compares them: "building where natural advantages
    /// exist is easier than creating clusters artificially" makes "artificial clusters are harder to build?" yes, and
    /// "artificial ones are easier than natural ones?" no. The claim's subject (the words before its own "than", or all
    /// of them) stands on the second side when it uses a word only that side has, else on the first when it uses one of
    /// its own. Found is false when no sentence compares with the claim's comparative; the verdict is null when one does
    /// but the subject stands on neither side.
    /// </summary>
    private static (bool Found, bool? Verdict) Compared(QueryAnalysis query, IReadOnlyList<List<string>> sentences, KnowledgeIndex index)
    {
        var pairs = ComparativeStems.GetValue(index, i => Stemmed(i.Knowledge.Lexicon.Comparatives));
        var asked = query.Tokens.Select(WordStemmer.Stem).ToList();
        var found = false;
        foreach (var (one, other) in pairs)
        {
            var (claimAt, claimedOne) = FirstOf(asked, one) is var a and >= 0 ? (a, true) : FirstOf(asked, other) is var b and >= 0 ? (b, false) : (-1, false);
            if (claimAt < 0) continue;
            var than = ThanAt(asked, claimAt);
            var subject = query.Terms.Where(t => t.Known && Enumerable.Range(0, than.Start < 0 ? asked.Count : claimAt)
                .Any(k => k != claimAt && (asked[k] == t.Stem || t.Matches.Contains(asked[k])))).ToList();
            foreach (var sentence in sentences)
            {
                var (statedAt, statedOne) = FirstOf(sentence, one) is var c and >= 0 ? (c, true) : FirstOf(sentence, other) is var d and >= 0 ? (d, false) : (-1, false);
                var sentenceThan = statedAt < 0 ? (Start: -1, End: -1) : ThanAt(sentence, statedAt);
                if (sentenceThan.Start < 0) continue;
                found = true;
                var before = sentence.Take(statedAt).ToHashSet(StringComparer.Ordinal);
                var after = sentence.Skip(sentenceThan.End).ToHashSet(StringComparer.Ordinal);
                // The side after "than" names only what sets it apart ("than on a shoal"); the first side also names
                // what both share ("a port … is easier to build"), so a word of the second side decides first.
                var onSecond = subject.Any(t => t.Matches.Overlaps(after) && !t.Matches.Overlaps(before));
                var onFirst = subject.Any(t => t.Matches.Overlaps(before) && !t.Matches.Overlaps(after));
                if (!onSecond && !onFirst) continue;
                return (true, !onSecond == (claimedOne == statedOne));
            }
        }

        return (found, null);
    }

    /// <summary>Where the first "than" after a comparative starts and ends, or (-1, -1).</summary>
    private static (int Start, int End) ThanAt(List<string> stems, int from)
    {
        var best = (Start: -1, End: -1);
        foreach (var phrase in ThanPhrases)
        {
            var start = Phrases.StartsOf(stems, phrase).Where(k => k > from).DefaultIfEmpty(-1).First();
            if (start >= 0 && (best.Start < 0 || start < best.Start)) best = (start, start + phrase.Length);
        }

        return best;
    }

    /// <summary>Where the first of the phrases starts in the stems, or -1.</summary>
    private static int FirstOf(List<string> stems, string[][] phrases) =>
        phrases.Select(p => Phrases.StartsOf(stems, p).DefaultIfEmpty(-1).First()).Where(k => k >= 0).DefaultIfEmpty(-1).Min();

    private static List<(string[][] One, string[][] Other)> Stemmed(IReadOnlyList<LexiconOpposites> pairs) =>
        pairs.Select(o => (o.One.Select(w => WordStemmer.StemAll(w).ToArray()).ToArray(), o.Other.Select(w => WordStemmer.StemAll(w).ToArray()).ToArray())).ToList();

    /// <summary>Whether the sentence uses the word: a form the stemmer leaves longer counts ("экспортировать" for "экспорт").</summary>
    private static bool UsedIn(List<string> sentence, QueryTerm term) =>
        term.Matches.Any(m => sentence.Any(w => w == m || m.Length >= 5 && w.StartsWith(m, StringComparison.Ordinal)));

    /// <summary>
    /// The stems of each sentence the document states, in either language. A list's item completes the sentence that
    /// introduces it: "the choice may be influenced by:" and "climatic conditions" state together that climate influences it.
    /// </summary>
    private static IEnumerable<List<string>> StatedSentences(SearchDocument doc)
    {
        var sentences = doc.StatementTexts().SelectMany(Sentences.Of).Select(WordStemmer.StemAll).Where(s => s.Count > 0)
            .Concat(doc.StatementPairs().SelectMany(TranslatedSentences));
        if (doc.Fact is not { Items.Count: > 0 } list) return sentences;
        // Each item with the sentence that introduces it, in each language and, for a question mixing the two ("минобр
        // участвует в cluster policy?"), in both at once.
        List<string> Introduced(Lang lang, int i) =>
            WordStemmer.StemAll(Sentences.Of(list.Text[lang]).LastOrDefault()).Concat(WordStemmer.StemAll(list.Items[i].Text[lang])).ToList();
        var ru = Enumerable.Range(0, list.Items.Count).Select(i => Introduced(Lang.Ru, i)).ToList();
        var en = Enumerable.Range(0, list.Items.Count).Select(i => Introduced(Lang.En, i)).ToList();
        return sentences.Concat(ru).Concat(en).Concat(ru.Zip(en, (r, e) => r.Concat(e).ToList()));
    }

    /// <summary>
    /// Each sentence of a text together with its translation, when both say it in as many sentences: a question that
    /// mixes the languages ("bavaria кластер-менеджмент — гос поддержка есть?") finds its words in one sentence of either.
    /// </summary>
    private static IEnumerable<List<string>> TranslatedSentences(Localized text)
    {
        var ru = Sentences.Of(text.Ru).ToList();
        var en = Sentences.Of(text.En).ToList();
        return ru.Count == en.Count && ru.Count > 0
            ? ru.Zip(en, (r, e) => WordStemmer.StemAll(r).Concat(WordStemmer.StemAll(e)).ToList())
            : [];
    }

    /// <summary>The stems of each clause the document states: its sentences cut at commas, semicolons, dashes and "but".</summary>
    private static IEnumerable<List<string>> Clauses(SearchDocument doc) =>
        doc.StatementTexts().SelectMany(text => ClauseEnd().Split(text)).Select(WordStemmer.StemAll).Where(c => c.Count > 0);

    [System.Text.RegularExpressions.GeneratedRegex(@"[,;:—–]\s+|\s+(?:но|а|однако|but|while|whereas)\s+|(?<=[.!?])\s+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClauseEnd();

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeIndex, List<(string[][] One, string[][] Other)>> OppositeStems = new();

    private static List<(string[][] One, string[][] Other)> StemOpposites(KnowledgeIndex index) => Stemmed(index.Knowledge.Lexicon.Opposites);

    /// <summary>The one-word stems of the other side of the scale a one-word stem is on ("внутрен" → "экспорт", "foreign" …).</summary>
    public static IEnumerable<string> OppositeSideOf(string stem, KnowledgeIndex index) =>
        OppositeStems.GetValue(index, StemOpposites).SelectMany(pair =>
            pair.One.Any(w => w is [var one] && one == stem) ? pair.Other : pair.Other.Any(w => w is [var other] && other == stem) ? pair.One : [])
            .Where(w => w.Length == 1).Select(w => w[0]);

    private static readonly HashSet<string> NotNegating = new(StringComparer.Ordinal) { "только", "лишь", "менее", "меньше", "раз", "only", "just", "less", "fewer" };

    /// <summary>A negation at that place: "не", "nothing" … but not "не только", "not only", "не менее".</summary>
    private static bool Negation(List<string> tokens, int at) =>
        Negators.Contains(tokens[at]) && (at + 1 >= tokens.Count || !NotNegating.Contains(tokens[at + 1]));

    /// <summary>For each use of the term in the text, whether a negation governs it: a word just before, or a prefix ("unchanged").</summary>
    private static IEnumerable<bool> Uses(List<string> tokens, QueryTerm term)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (term.Matches.Contains(WordStemmer.Stem(token)))
            {
                yield return i > 0 && Negation(tokens, i - 1) || i > 1 && Negation(tokens, i - 2) && tokens[i - 1] is "has" or "have" or "had" or "was" or "is" or "были" or "был" or "было" ||
                    SetAgainst(tokens, i);
            }
            else if (token.Length > 5 && (token.StartsWith("не", StringComparison.Ordinal) || token.StartsWith("un", StringComparison.Ordinal)) &&
                     term.Matches.Any(m => m.Length >= 4 && token[2..].StartsWith(m, StringComparison.Ordinal)))
            {
                yield return true;
            }
        }
    }

    /// <summary>
    /// Whether the word at that place is what something is set against: "rather than create new ones", "вместо новых",
    /// "а не создавать новые" deny "new" as surely as "not" does.
    /// </summary>
    private static bool SetAgainst(List<string> tokens, int at)
    {
        for (var k = Math.Max(0, at - 3); k < at; k++)
        {
            if (tokens[k] is "вместо" or "instead" || tokens[k] == "than" && k > 0 && tokens[k - 1] == "rather" ||
                tokens[k] == "не" && k > 0 && tokens[k - 1] == "а") return true;
        }

        return false;
    }

    private static readonly HashSet<string> CountNounStems = new[] { "количество", "число", "численность", "number", "count" }
        .Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> OnlyWords = new(StringComparer.Ordinal)
    {
        "только", "лишь", "исключительно", "чисто", "сугубо", "only", "solely", "exclusively", "purely", "entirely",
        "единоличный", "единоличным", "единоличная", "единственный", "единственным", "единственная", "sole",
    };

    /// <summary>
    /// "США — единоличный лидер?" against "the USA and China": the claim gives one named thing alone, and the sentence
    /// that names it joins another to it.
    /// </summary>
    private static bool JoinsAnother(QueryAnalysis query, IReadOnlyList<List<string>> sentences)
    {
        var named = query.Places.Concat(query.Terms.Where(t => t.FromAlias)).Concat(ClaimedAlone(query)).ToList();
        // "and" up to two words before the name or four after it ("Соединённые Штаты Америки и Китай").
        bool JoinedAt(List<string> sentence, int k)
        {
            for (var j = Math.Max(0, k - 2); j <= Math.Min(sentence.Count - 1, k + 4); j++)
            {
                if (j != k && sentence[j] is "и" or "and") return true;
            }

            return false;
        }

        return named.Count > 0 && sentences.Any(sentence =>
            Enumerable.Range(0, sentence.Count).Any(k => named.Any(t => t.Matches.Contains(sentence[k])) && JoinedAt(sentence, k)));
    }

    /// <summary>The word an "only" claims alone: "только от государства" claims the state, whatever kind of word it is.</summary>
    private static IEnumerable<QueryTerm> ClaimedAlone(QueryAnalysis query)
    {
        var at = query.Tokens.ToList().FindIndex(OnlyWords.Contains);
        if (at < 0) yield break;
        var next = query.Tokens.Skip(at + 1).Where(t => !StopWords.Contains(t)).Select(WordStemmer.Stem).FirstOrDefault();
        if (next is not null && query.KnownTerms.FirstOrDefault(t => t.Stem == next) is { } term) yield return term;
    }

    /// <summary>Words that claim most of something: such a claim (or one of all) is denied by a clause that gives more to the other side.</summary>
    private static readonly HashSet<string> MajorityWords = new(StringComparer.Ordinal)
    {
        "большинство", "большинства", "большая", "больше", "основном", "преимущественно", "most", "mostly", "majority", "more", "mainly", "primarily",
    };

    /// <summary>Whether a sentence that speaks of the claim states both sides of a scale whose one side the claim names.</summary>
    private static bool StatesBothSides(QueryAnalysis query, IReadOnlyList<List<string>> sentences, KnowledgeIndex index)
    {
        var asked = query.Tokens.Select(WordStemmer.Stem).ToList();
        return OppositeStems.GetValue(index, StemOpposites).Any(pair =>
            (pair.One.Any(w => Phrases.Contains(asked, w)) || pair.Other.Any(w => Phrases.Contains(asked, w))) &&
            sentences.Any(sentence => pair.One.Any(w => Phrases.Contains(sentence, w)) && pair.Other.Any(w => Phrases.Contains(sentence, w))));
    }

    private static readonly HashSet<string> AllWords = new(StringComparer.Ordinal)
    {
        "все", "всех", "всем", "всеми", "всей", "каждый", "каждом", "каждого", "all", "every", "each",
    };

    /// <summary>Words saying the first named is ranked above the second (true) or below it (false).</summary>
    private static readonly Dictionary<string, bool> ComparisonWords = new(StringComparer.Ordinal)
    {
        ["выше"] = true, ["опережает"] = true, ["впереди"] = true, ["обгоняет"] = true, ["лучше"] = true,
        ["above"] = true, ["ahead"] = true, ["higher"] = true, ["before"] = true, ["outranks"] = true, ["better"] = true,
        ["ниже"] = false, ["отстаёт"] = false, ["отстает"] = false, ["позади"] = false, ["хуже"] = false,
        ["below"] = false, ["behind"] = false, ["lower"] = false, ["after"] = false, ["worse"] = false,
    };

    private static bool? Comparison(IReadOnlyList<string> tokens) =>
        tokens.Select(t => ComparisonWords.TryGetValue(t, out var up) ? up : (bool?)null).FirstOrDefault(c => c is not null);

    /// <summary>The two matched items in the order the question names them.</summary>
    private static (int First, int Second) InOrderOfMention(QueryAnalysis query, HashSet<int> matched, List<HashSet<string>> itemStems)
    {
        var stems = query.Tokens.Select(WordStemmer.Stem).ToList();
        int FirstMention(int item) => Enumerable.Range(0, stems.Count).FirstOrDefault(k => itemStems[item].Contains(stems[k]), int.MaxValue);
        var pair = matched.OrderBy(FirstMention).ToList();
        return (pair[0], pair[1]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^([1-9]|10)(?:st|nd|rd|th|й|ой|ий|ый|я|ая|е|ое|м|го)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NumberedOrdinal();

    /// <summary>The place an ordinal word or its stem names ("третий", "third", "3rd"), or null.</summary>
    public static int? OrdinalOf(string stemOrToken)
    {
        // "пятёрка", "шестёрка" are groups of so many, not places.
        if (stemOrToken.Contains("ерк", StringComparison.Ordinal) || stemOrToken.Contains("ёрк", StringComparison.Ordinal)) return null;
        // "6th", "10th", "6й": a small number with an ordinal's ending is a place; "21st century" is a time, not one.
        if (NumberedOrdinal().Match(stemOrToken) is { Success: true } numbered) return int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (prefix, n) in Ordinals)
        {
            if (stemOrToken.StartsWith(prefix, StringComparison.Ordinal) && stemOrToken.Length <= prefix.Length + 4) return n;
        }

        return null;
    }

    /// <summary>
    /// Yes when the fact bears out everything the question claims; no when it states other figures, another place
    /// in its list, or puts the question's words in two different items ("Gumi is the mining cluster?"); null when
    /// it neither bears the claim out nor denies it: a word of the claim it does not state ("Is TORCH run by provincial
    /// governments?" against "entrusted to the central government") is no yes.
    /// </summary>
    public static bool? Verdict(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index)
    {
        var docTokens = doc.OwnTokens;
        var items = doc.Fact?.Items ?? [];
        var place = query.PlaceAsked;
        // "Is Tokyo no. 1?", "is Seoul 4th?": the place is checked against the list's order, not looked for as a figure.
        var numbers = ClaimedFigures(query)
            .Where(n => !(items.Count > 0 && place is { } p && n == p.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        // A fact that states no figure at all ("the state created clusters using other countries' experience") neither
        // bears out nor denies "created 7?": it does not speak of the figure.
        if (numbers.Count > 0 && numbers.Any(n => !docTokens.Contains(n))) return StatesAFigure(doc) ? false : null;
        // "TORCH has three parts?" against "two parts": a count in words the document does not state is not its count.
        // "One" is left out: it names ("one village, one product") as often as it counts.
        var docText = string.Join(" ", doc.OwnTexts());
        if (query.Tokens.Where(t => !QueryAnalysis.IsNumber(t)).Select(NumberWords.CountOf).Any(n => n is > 1 and <= 10 && !(items.Count == n && items.Count > 0) && !NumberWords.States(docText, n.Value)))
        {
            return false;
        }

        var sentences = StatedSentences(doc).ToList();
        if (Compared(query, sentences, index) is { Found: true } compared) return compared.Verdict;
        // A claim of most or all ("most initiatives come from local authorities?" against "more come from the federal ones,
        // but local ones may take part") is checked clause by clause, so the clause about the initiatives decides; one of
        // what may happen ("can local authorities take part?") by whole sentences, where "but local ones may" answers it.
        if (Negates(query, doc) || Opposes(query, sentences, index) ||
            query.Tokens.Any(t => MajorityWords.Contains(t) || AllWords.Contains(t)) && Opposes(query, Clauses(doc).ToList(), index)) return false;
        // "Была ли политика чисто сверху вниз?" against "a symbiosis of top-down and bottom-up": only one side is claimed, both are stated.
        if (query.Tokens.Any(OnlyWords.Contains) && (StatesBothSides(query, sentences, index) || JoinsAnother(query, sentences))) return false;

        // "Only in Munich?" against "in all regions": the fact says all, the question only some.
        if (query.Tokens.Any(OnlyWords.Contains) && docTokens.Overlaps(AllWords)) return false;

        var claimTerms = query.Terms.Where(t => !QueryAnalysis.IsNumber(t.Stem) && OrdinalOf(t.Stem) is null).ToList();
        if (items.Count > 0)
        {
            var itemStems = items.Select(i => WordStemmer.StemAll(i.Text.Ru + " " + i.Text.En).ToHashSet(StringComparer.Ordinal)).ToList();
            var matched = ListItemFocus.ItemsNamed(claimTerms, doc.Fact!);

            if (matched.Count == 2 && Comparison(query.Tokens) is { } higherFirst)
            {
                // "Пекин выше Сеула?": two places of a ranking compared; the one named first is above when its number is smaller.
                var (first, second) = InOrderOfMention(query, matched, itemStems);
                return (items[first].Order < items[second].Order) == higherFirst;
            }

            // "Were the goals inter-regional cooperation and integration into global chains?": items joined by "and", each
            // named by its own words, are claimed to be on the list, as they are.
            if (matched.Count >= 2 && place is null && JoinsItems(query, claimTerms, doc.Fact!, itemStems)) return true;
            if (matched.Count >= 2) return false;
            if (place is { } asked && matched.Count == 1) return items[matched.First()].Order == asked;
            // "Ульсан это текстиль?": a word of the claim that other items have and the named one has not is claimed of the wrong item.
            if (matched.Count == 1 && ClaimedOfOtherItems(claimTerms, doc.Fact!, itemStems, matched.First())) return false;
            // "Is Hong Kong in the top 5?": the item named is on the list; that is the claim.
            if (matched.Count == 1) return true;

            // A name the paper does not know, claimed to be on its list ("is Moscow in the top 5?"), is not on it.
            if (query.Terms.Any(t => !t.Known && !QueryAnalysis.IsNumber(t.Stem) && OrdinalOf(t.Stem) is null) && matched.Count == 0) return false;
        }

        return BearsOut(claimTerms, doc, sentences, index) ? true : null;
    }

    /// <summary>The figures a question claims ("4700 компаний?"), not places in a list.</summary>
    public static List<string> ClaimedFigures(QueryAnalysis query) =>
        query.Tokens.Where(QueryAnalysis.IsNumber).Where(n => OrdinalOf(n) is null).ToList();

    /// <summary>Whether the question claims figures and the document states every one of them.</summary>
    public static bool StatesClaimedFigures(QueryAnalysis query, SearchDocument doc)
    {
        var numbers = ClaimedFigures(query);
        return numbers.Count > 0 && numbers.All(doc.OwnTokens.Contains);
    }

    /// <summary>Whether the document states any figure, in digits or as a count in words ("three years").</summary>
    public static bool StatesAFigure(SearchDocument doc) =>
        doc.HasNumbers || doc.OwnTokens.Any(t => QueryAnalysis.IsNumber(t) || NumberWords.CountOf(t) is > 1);

    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "и", "а", "также", "плюс", "and", "plus", "&" };

    /// <summary>
    /// Whether the question names two or more items joined by "and", the words between two "and"s naming one item
    /// each: "Changwon and Gumi" does, and so does "Gumi — electronics and Gwangju — mining". "Gumi and Gwangju are
    /// textiles" puts one item's words on another, and "Marville and Austin — shipbuilding" says of both what only the
    /// second item's text after its dash says.
    /// </summary>
    /// <param name="itemStems">Each item's stems, in both languages.</param>
    private static bool JoinsItems(QueryAnalysis query, IReadOnlyList<QueryTerm> claim, Fact list, List<HashSet<string>> itemStems)
    {
        var described = list.Items.Select(i => WordStemmer.StemAll(AfterDash(i.Text.Ru) + " " + AfterDash(i.Text.En)).ToHashSet(StringComparer.Ordinal)).ToList();
        var head = WordStemmer.StemAll(list.Text.Ru + " " + list.Text.En).ToHashSet(StringComparer.Ordinal);
        // Each segment between "and"s: the items each of its words is found in, and whether one is found in a description.
        var segments = new List<(List<HashSet<int>> Hits, bool Describes)> { ([], false) };
        foreach (var token in query.Tokens)
        {
            if (Conjunctions.Contains(token))
            {
                if (segments[^1].Hits.Count > 0) segments.Add(([], false));
                continue;
            }

            var stem = WordStemmer.Stem(token);
            var term = claim.FirstOrDefault(t => t.Known && (t.Stem == stem || t.Matches.Contains(stem)) && !t.Matches.Overlaps(head));
            if (term is null) continue;
            var hits = Enumerable.Range(0, list.Items.Count).Where(i => term.Matches.Overlaps(itemStems[i])).ToHashSet();
            if (hits.Count == 0) continue;
            segments[^1].Hits.Add(hits);
            if (hits.Any(i => term.Matches.Overlaps(described[i]))) segments[^1] = (segments[^1].Hits, true);
        }

        var named = segments.Where(s => s.Hits.Count > 0).ToList();
        // A segment names one item when one item has all of its words.
        var items = named.Select(s => s.Hits.Aggregate((a, b) => a.Intersect(b).ToHashSet())).ToList();
        return named.Count >= 2 && items.All(s => s.Count == 1) && items.Select(s => s.First()).Distinct().Count() == named.Count &&
            named.Select(s => s.Describes).Distinct().Count() == 1;
    }

    /// <summary>What an item's text says of it after its name: "Gumi — electronics" → "electronics".</summary>
    private static string AfterDash(string item) => item.IndexOf(" — ", StringComparison.Ordinal) is var dash and >= 0 ? item[(dash + 3)..] : "";

    /// <summary>
    /// Whether a word of the claim belongs to another item and not to the one named. An item of "the others" ("other
    /// computer manufacturers" after Acer, Compaq, IBM) names what all the items are, so its words are true of each.
    /// </summary>
    private static bool ClaimedOfOtherItems(IEnumerable<QueryTerm> claim, Fact list, List<HashSet<string>> itemStems, int named)
    {
        var head = WordStemmer.StemAll(list.Text.Ru + " " + list.Text.En).ToHashSet(StringComparer.Ordinal);
        head.UnionWith(ListItemFocus.KindStems(list, itemStems));
        return claim.Any(t => t.Known && !t.Matches.Any(head.Contains) && !t.Matches.Any(itemStems[named].Contains) &&
            itemStems.Any(stems => t.Matches.Any(stems.Contains)));
    }

    /// <summary>
    /// "Leading-Edge — это программа Баварии?", "is TORCH a Korean programme?": a programme claimed of a country or region
    /// it does not belong to; null when the claim is of no such kind or the programme is the owner's.
    /// </summary>
    public static Entity? ProgrammeOfAnother(QueryAnalysis query, KnowledgeIndex index)
    {
        if (!query.YesNo || query.EntityIds.Count != 2 || !query.Tokens.Any(t => StructuralQuestion.ProgrammeStems.Contains(WordStemmer.Stem(t)))) return null;
        var entities = query.EntityIds.Select(index.FindEntity).OfType<Entity>().ToList();
        var programme = entities.FirstOrDefault(e => e.Kind == EntityKind.Programme);
        var owner = entities.FirstOrDefault(e => e.Kind is EntityKind.Country or EntityKind.Region);
        return programme is not null && owner is not null && !index.Lineage(programme.Id).Any(e => e.Id == owner.Id) ? programme : null;
    }

    /// <summary>
    /// Whether one sentence of what the document states (not the questions it is found by) uses every known word of
    /// the claim: "торч реализует местная власть?" is not borne out by "implementation … central government" in one
    /// sentence and "local projects" in another. A name's word is borne out as well by a document about the thing so
    /// named, or one that writes out its name ("промкомплексы" in "программа … промышленного комплекса").
    /// </summary>
    private static bool BearsOut(IEnumerable<QueryTerm> claim, SearchDocument doc, IReadOnlyList<List<string>> sentences, KnowledgeIndex index)
    {
        var stated = WordStemmer.StemAll(string.Join(" ", doc.StatementTexts())).ToHashSet(StringComparer.Ordinal);
        bool Named(string id) => doc.EntityClosure.Contains(id) || index.FindEntity(id) is { } e &&
            new[] { e.Name.Ru, e.Name.En }.Concat(e.Aliases.All).Any(name => WordStemmer.StemAll(name).All(stated.Contains));
        // "кол-во ассоциаций больше 70?": the word for a number only says a figure is claimed; the figure is checked.
        var words = claim.Where(t => t.Known && !t.Event && !(t.AliasOf is { } id && Named(id)) && !t.Matches.Overlaps(CountNounStems)).ToList();
        return sentences.Any(sentence => words.All(t => UsedIn(sentence, t)));
    }
}
