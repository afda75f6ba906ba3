using System.Collections.Frozen;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// The in-memory view of a knowledge base that answering needs: documents, the vocabulary with its
/// inverse document frequencies, and the alias table. Immutable, so a reload swaps it whole.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly IReadOnlyDictionary<string, DocumentStems>? _precomputed;
    private readonly FrozenDictionary<string, Entity> _entities;
    private readonly FrozenDictionary<string, SearchDocument> _documents;
    private readonly FrozenDictionary<string, double> _idf;
    private readonly FrozenDictionary<string, int[]> _postings;
    private readonly FrozenDictionary<string, int> _documentsPerEntity;
    private readonly Dictionary<string, List<(string[] Stems, string EntityId)>> _aliasesByFirstStem = new(StringComparer.Ordinal);

    /// <param name="knowledge">The knowledge to index.</param>
    /// <param name="precomputedStems">Each document's stems as a store saved them at import, so a warm start need not stem every text again.</param>
    public KnowledgeIndex(KnowledgeBase knowledge, IReadOnlyDictionary<string, DocumentStems>? precomputedStems = null)
        : this(knowledge, precomputedStems, saved: null, out _)
    {
    }

    /// <summary>An index and what was worked out to build it, for a store to keep beside the knowledge (<see cref="FromParts"/>).</summary>
    public static (KnowledgeIndex Index, IndexParts Parts) BuildWithParts(KnowledgeBase knowledge, IReadOnlyDictionary<string, DocumentStems>? precomputedStems = null)
    {
        var index = new KnowledgeIndex(knowledge, precomputedStems, saved: null, out var parts);
        return (index, parts);
    }

    /// <summary>
    /// The index assembled from parts that <see cref="BuildWithParts"/> gave for this very knowledge and these stems: the same
    /// index, without stemming the aliases and the lexicon or tokenising every statement again. Parts that do not fit the
    /// knowledge (another count of entities or attributes) are ignored and the index is built.
    /// </summary>
    public static KnowledgeIndex FromParts(KnowledgeBase knowledge, IReadOnlyDictionary<string, DocumentStems>? precomputedStems, IndexParts parts) =>
        new(knowledge, precomputedStems, parts, out _);

    private KnowledgeIndex(KnowledgeBase knowledge, IReadOnlyDictionary<string, DocumentStems>? precomputedStems, IndexParts? saved, out IndexParts parts)
    {
        _precomputed = precomputedStems;
        Knowledge = knowledge;
        _entities = knowledge.Entities.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);

        var synonymWords = knowledge.Lexicon.Synonyms.SelectMany(g => g).Select(w => WordStemmer.StemAll(w).ToArray()).ToList();
        _lexiconWords = synonymWords.Where(w => w.Length == 1).Select(w => w[0]).ToHashSet(StringComparer.Ordinal);
        _lexiconPhrases = PhrasesByFirstStem(synonymWords);
        _placeNames = PhrasesByFirstStem(knowledge.Lexicon.Places.Select(p => WordStemmer.StemAll(p).ToArray()));

        var docs = new List<SearchDocument>();
        foreach (var e in knowledge.Entities)
        {
            docs.Add(Build(e.Id, null, e, [e.Id]));
        }

        foreach (var f in knowledge.Facts)
        {
            docs.Add(Build(f.Id, f, null, f.About));
        }

        Documents = docs;
        _documents = docs.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);

        // A fresh index is assembled from the parts just worked out, a restored one from the saved: one way, so both are the same.
        var worked = saved is not null && saved.Fits(knowledge) ? saved : WorkOut(knowledge, docs);
        parts = worked;
        _documentsPerEntity = knowledge.Entities.Select((e, i) => (e.Id, Count: worked.DocumentsPerEntity[i])).ToFrozenDictionary(e => e.Id, e => e.Count, StringComparer.Ordinal);
        _postings = worked.Postings.ToFrozenDictionary(p => p.Stem, p => p.Documents, StringComparer.Ordinal);
        _idf = worked.Postings.ToFrozenDictionary(p => p.Stem, p => Math.Log(1 + (double)docs.Count / p.Documents.Length), StringComparer.Ordinal);
        _vocabulary = [.. worked.Postings.Select(p => p.Stem)];
        _vocabularyByLength = Vocabulary.GroupBy(v => v.Length).ToFrozenDictionary(g => g.Key, g => g.ToArray());

        foreach (var (stems, entityId) in worked.Aliases)
        {
            if (!_aliasesByFirstStem.TryGetValue(stems[0], out var list))
            {
                _aliasesByFirstStem[stems[0]] = list = [];
            }

            list.Add((stems, entityId));
        }

        SingleWordAliases = _aliasesByFirstStem.Values.SelectMany(l => l).Where(a => a.Stems.Length == 1)
            .Select(a => (a.Stems[0], a.EntityId)).ToList();
        AliasWords = _aliasesByFirstStem.Values.SelectMany(l => l).Where(a => a.Stems.Length > 1).SelectMany(a => a.Stems).ToFrozenSet(StringComparer.Ordinal);

        _fillers = worked.Fillers.ToFrozenSet(StringComparer.Ordinal);
        _synonyms = worked.Synonyms.ToFrozenDictionary(kv => kv.Stem, kv => (IReadOnlySet<string>)new HashSet<string>(kv.Equivalents, StringComparer.Ordinal), StringComparer.Ordinal);
        SynonymPhrases = worked.SynonymPhrases;
        Attributes = knowledge.Lexicon.Attributes.Zip(worked.Attributes, (a, p) =>
            new IndexedAttribute(a, p.Words, p.GivenBy.ToFrozenSet(StringComparer.Ordinal)) { AmountGivenBy = p.AmountGivenBy.ToFrozenSet(StringComparer.Ordinal) }).ToList();
        // By the first letters of each word, so a question's word is compared only with names that could be its form.
        _places = worked.Places
            .SelectMany(p => p.Select((_, j) => (Key: PlaceKey(p[j]), Name: p, Word: j)))
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => (e.Name, e.Word)).ToArray(), StringComparer.Ordinal);
        // Only a question with an English word written in Cyrillic needs it; a cold start does not pay for tokenising every text.
        _englishBySound = new Lazy<FrozenDictionary<string, string[]>>(() => EnglishWordsBySound(docs, knowledge));
        _englishPairsBySound = new Lazy<FrozenDictionary<string, string[]>>(() => EnglishPairsBySound(docs));
        _showcase = new Lazy<KnowledgeShowcase>(() => new KnowledgeShowcase(this));
    }

    /// <summary>What the index needs beyond the documents' stems, worked out from the knowledge: the costly part of a build.</summary>
    private static IndexParts WorkOut(KnowledgeBase knowledge, List<SearchDocument> docs)
    {
        var documentsPerEntity = knowledge.Entities.Select(e => docs.Count(d => d.EntityClosure.Contains(e.Id))).ToList();

        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var d = 0; d < docs.Count; d++)
        {
            foreach (var stem in docs[d].Stems)
            {
                if (!postings.TryGetValue(stem, out var list)) postings[stem] = list = [];
                list.Add(d);
            }
        }

        var aliases = new List<(string[] Stems, string EntityId)>();
        var aliasesByFirstStem = new Dictionary<string, List<(string[] Stems, string EntityId)>>(StringComparer.Ordinal);
        foreach (var e in knowledge.Entities)
        {
            foreach (var alias in KnowledgeValidator.AliasesOf(e))
            {
                var stems = WordStemmer.StemAll(alias).ToArray();
                if (stems.Length == 0) continue;
                if (!aliasesByFirstStem.TryGetValue(stems[0], out var list))
                {
                    aliasesByFirstStem[stems[0]] = list = [];
                }

                if (!list.Any(a => a.EntityId == e.Id && a.Stems.SequenceEqual(stems)))
                {
                    list.Add((stems, e.Id));
                    aliases.Add((stems, e.Id));
                }
            }
        }

        var lexicon = knowledge.Lexicon;
        var synonyms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in lexicon.Synonyms)
        {
            // Every word of a group stands for all of them; a phrase counts by its stems' sequence.
            var stems = group.Select(w => PhraseKey(WordStemmer.StemAll(w))).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
            foreach (var stem in stems)
            {
                if (!synonyms.TryGetValue(stem, out var set)) synonyms[stem] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(stems);
            }
        }

        // Which documents give each attribute: those whose own text (not the questions written for them) uses its words.
        // Words, not stems: "founded" must not meet "is found in".
        // Each statement is tokenised once for all attributes, and a phrase is looked for only in the statements
        // holding its first token: testing every attribute against every text was most of a cold start's work.
        var statementsByToken = new Dictionary<string, List<(SearchDocument Doc, List<string> Tokens)>>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            foreach (var tokens in d.StatementTexts().Select(TextNormaliser.Tokenise))
            {
                foreach (var token in tokens.Distinct(StringComparer.Ordinal))
                {
                    if (!statementsByToken.TryGetValue(token, out var list)) statementsByToken[token] = list = [];
                    list.Add((d, tokens));
                }
            }
        }

        var attributes = lexicon.Attributes.Select(a =>
        {
            var words = a.Words.Select(w => TextNormaliser.Tokenise(w).ToArray()).Where(w => w.Length > 0).ToList();
            var giving = new HashSet<string>(StringComparer.Ordinal);
            foreach (var phrase in words)
            {
                foreach (var (doc, tokens) in statementsByToken.GetValueOrDefault(phrase[0]) ?? [])
                {
                    if (!giving.Contains(doc.Id) && Phrases.Contains(tokens, phrase)) giving.Add(doc.Id);
                }
            }

            var units = a.Units.Select(w => TextNormaliser.Tokenise(w).ToArray()).Where(w => w.Length > 0).ToList();
            var amounts = units.Count == 0
                ? giving
                : docs.Where(d => giving.Contains(d.Id) && d.StatementTexts().Any(t => StatesAmount(TextNormaliser.Tokenise(t), units))).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            return new IndexedAttributeParts(words, [.. giving], [.. amounts]);
        }).ToList();

        return new IndexParts(
            [.. postings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value.ToArray()))],
            documentsPerEntity,
            aliases,
            [.. lexicon.Fillers.Select(TextNormaliser.Normalise)],
            [.. synonyms.Select(kv => (kv.Key, kv.Value.ToArray()))],
            [.. synonyms.Keys.Where(k => k.Contains(PhraseJoiner, StringComparison.Ordinal)).Select(k => k.Split(PhraseJoiner)).OrderByDescending(k => k.Length)],
            attributes,
            [.. lexicon.Places.Select(p => TextNormaliser.Tokenise(p).ToArray()).Where(p => p.Length > 0)]);
    }

    /// <summary>The lexicon's attributes with their words' stems and the documents that give each.</summary>
    public IReadOnlyList<IndexedAttribute> Attributes { get; }

    /// <summary>Whether the text states a figure in one of the units ("3,6 млн евро", "3.6 million euros").</summary>
    private static bool StatesAmount(IReadOnlyList<string> tokens, IReadOnlyList<string[]> units)
    {
        const int Reach = 3;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!QueryAnalysis.IsNumber(tokens[i])) continue;
            var after = tokens.Skip(i + 1).Take(Reach).ToList();
            if (ContainsAny(after, units)) return true;
        }

        return false;
    }

    /// <summary>Whether the token sequence holds one of the phrases (each a token sequence) in order.</summary>
    public static bool ContainsAny(IReadOnlyList<string> stems, IReadOnlyList<string[]> phrases) => phrases.Any(p => Phrases.Contains(stems, p));

    private readonly FrozenDictionary<string, (string[] Name, int Word)[]> _places;

    private static string PlaceKey(string word) => word.Length <= 3 ? word : word[..3];

    /// <summary>Whether the word at <paramref name="position"/> is (part of) the name of a place in the lexicon, in any case form.</summary>
    public bool IsPlace(IReadOnlyList<string> tokens, int position)
    {
        if (!_places.TryGetValue(PlaceKey(tokens[position]), out var candidates)) return false;
        foreach (var (name, word) in candidates)
        {
            var start = position - word;
            if (start < 0 || start + name.Length > tokens.Count) continue;
            var all = true;
            for (var j = 0; j < name.Length && all; j++) all = IsFormOf(tokens[start + j], name[j]);
            if (all) return true;
        }

        return false;
    }

    private static readonly FrozenSet<string> CaseEndings = new[]
    {
        "", "а", "я", "у", "ю", "е", "и", "ы", "ой", "ей", "ом", "ем", "ию", "ии", "ией", "s",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "москвы", "франции", "berlin's" are forms of the names; names are matched by their forms, not stems, because
    /// a stem as short as "дел" (Дели) is also the stem of "делает".
    /// </summary>
    private static bool IsFormOf(string token, string name)
    {
        if (token == name) return true;
        var stem = name.Length > 3 && "аяьйоеи".Contains(name[^1], StringComparison.Ordinal) ? name[..^1] : name;
        return token.StartsWith(stem, StringComparison.Ordinal) && CaseEndings.Contains(token[stem.Length..]);
    }

    private readonly FrozenSet<string> _fillers;
    private readonly FrozenDictionary<string, IReadOnlySet<string>> _synonyms;
    private readonly Lazy<FrozenDictionary<string, string[]>> _englishBySound;
    private static readonly F23.StringSimilarity.OptimalStringAlignment SpellingDistance = new();

    /// <summary>A chat word that says nothing about the question ("кароч", "плиз", "lol").</summary>
    public bool IsFiller(string token) => _fillers.Contains(token);

    /// <summary>The stems (and stem phrases) the lexicon holds equivalent to this one, itself included; empty when it has none.</summary>
    public IReadOnlySet<string> SynonymsOf(string stem) => _synonyms.TryGetValue(stem, out var set) ? set : FrozenSet<string>.Empty;

    /// <summary>Multi-word synonyms as stem sequences, longest first ("price tag", "how long").</summary>
    internal IReadOnlyList<string[]> SynonymPhrases { get; }

    /// <summary>
    /// The English stem a Cyrillic spelling of an English word stands for ("лидинг" → "lead"), when its sound matches
    /// one word of the knowledge and its spelling is near that word; null otherwise.
    /// </summary>
    public string? EnglishSoundingLike(string cyrillicToken)
    {
        var latin = Transliteration.ToLatin(cyrillicToken);
        var skeleton = Transliteration.Skeleton(latin);
        // Two consonants match too many words ("скока" would be "such"): only longer sounds are trusted.
        if (skeleton.Length < 3 || !_englishBySound.Value.TryGetValue(skeleton, out var words)) return null;

        // One word of that sound, and spelt near it: a Russian word that only shares the consonants ("рулит" and
        // "rollout") is too far from it to be an English word written in Cyrillic.
        var near = words.Where(w => SpellingDistance.Distance(latin, w) <= Math.Max(2, latin.Length / 2)).Select(WordStemmer.Stem).Distinct().ToList();
        return near.Count == 1 && words.Select(WordStemmer.Stem).Distinct().Count() == 1 ? near[0] : null;
    }

    /// <summary>
    /// The English pair of words two Cyrillic ones spell together ("топ", "даун" → "top", "down"), when one
    /// pair of the knowledge sounds so and is spelt near; else null.
    /// </summary>
    public (string First, string Second)? EnglishPairSoundingLike(string first, string second)
    {
        var latin = Transliteration.ToLatin(first + second);
        var skeleton = Transliteration.Skeleton(latin);
        if (skeleton.Length < 2 || !_englishPairsBySound.Value.TryGetValue(skeleton, out var pairs)) return null;
        var near = pairs.Where(p => SpellingDistance.Distance(latin, p.Replace(" ", "", StringComparison.Ordinal)) <= Math.Max(2, latin.Length / 3))
            .Select(p => p.Split(' ')).Select(p => (p[0], p[1])).Distinct().ToList();
        return near.Count == 1 ? near[0] : null;
    }

    private static bool IsLatinWord(string token) => token.Length >= 2 && token.All(c => c is >= 'a' and <= 'z');

    private readonly Lazy<FrozenDictionary<string, string[]>> _englishPairsBySound;

    public KnowledgeBase Knowledge { get; }

    /// <summary>What the bot names as examples of what it knows, worked out once per snapshot.</summary>
    public KnowledgeShowcase Showcase => _showcase.Value;

    private readonly Lazy<KnowledgeShowcase> _showcase;

    public IReadOnlyList<SearchDocument> Documents { get; }

    /// <summary>Every stem of the knowledge base, sorted (ordinal), so stems sharing a prefix are neighbours.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    private readonly string[] _vocabulary;
    private readonly FrozenDictionary<int, string[]> _vocabularyByLength;

    /// <summary>Vocabulary stems of exactly this length: typo correction compares only lengths that can be within budget.</summary>
    public IReadOnlyList<string> VocabularyOfLength(int length) => _vocabularyByLength.TryGetValue(length, out var list) ? list : [];

    /// <summary>Vocabulary stems that start with the prefix, found by binary search in the sorted vocabulary.</summary>
    public IEnumerable<string> VocabularyStartingWith(string prefix)
    {
        var i = Array.BinarySearch(_vocabulary, prefix, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < _vocabulary.Length && _vocabulary[i].StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            yield return _vocabulary[i];
        }
    }

    internal IReadOnlyList<(string Stem, string EntityId)> SingleWordAliases { get; }

    public IEnumerable<Entity> Entities => Knowledge.Entities;

    public Entity? FindEntity(string id) => _entities.GetValueOrDefault(id);

    public SearchDocument? FindDocument(string id) => _documents.GetValueOrDefault(id);

    public bool IsKnownStem(string stem) => _idf.ContainsKey(stem);

    /// <summary>How many documents are about an entity or one of its descendants.</summary>
    public int DocumentCountOf(string entityId) => _documentsPerEntity.GetValueOrDefault(entityId);

    /// <summary>How rare a stem is across documents (ln(1 + N/df)); unknown stems count as the rarest.</summary>
    public double Idf(string stem) => _idf.TryGetValue(stem, out var v) ? v : Math.Log(1 + Documents.Count);

    /// <summary>
    /// How rare it is for a document to use any of the forms (ln(1 + N/df) over the documents using one of them): a word
    /// read through its synonyms is as informative as the set of documents it finds, not as its rarest form.
    /// </summary>
    public double IdfOfAny(IReadOnlyCollection<string> stems)
    {
        var known = stems.Where(_postings.ContainsKey).ToList();
        if (known.Count <= 1) return known.Count == 1 ? _idf[known[0]] : Math.Log(1 + Documents.Count);
        var found = new HashSet<int>();
        foreach (var stem in known) found.UnionWith(_postings[stem]);
        return Math.Log(1 + (double)Documents.Count / found.Count);
    }

    /// <summary>Aliases whose first stem is the given one, longest first.</summary>
    /// <summary>The stems of the words of names of more than one word ("north rhine westphalia"), for reading a misspelt one.</summary>
    internal IReadOnlySet<string> AliasWords { get; }

    internal IReadOnlyList<(string[] Stems, string EntityId)> AliasesStartingWith(string stem) =>
        _aliasesByFirstStem.TryGetValue(stem, out var list) ? list : [];

    /// <summary>The entity and all its ancestors, nearest first.</summary>
    public IEnumerable<Entity> Lineage(string entityId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var e = FindEntity(entityId); e is not null && seen.Add(e.Id); e = e.ParentId is null ? null : FindEntity(e.ParentId))
        {
            yield return e;
        }
    }

    /// <summary>The country or topic an entity belongs to.</summary>
    public Entity? RootOf(string entityId) => Lineage(entityId).LastOrDefault();

    public IEnumerable<Entity> ChildrenOf(string entityId, EntityKind? kind = null) =>
        Knowledge.Entities.Where(e => e.ParentId == entityId && (kind is null || e.Kind == kind));

    public IEnumerable<Fact> FactsAbout(string entityId) => Knowledge.Facts.Where(f => f.About.Contains(entityId));

    /// <summary>English words of the knowledge by their sound, for English words a student writes in Cyrillic.</summary>
    /// <summary>
    /// Pairs of English words by their joint sound, for a pair a student writes in Cyrillic ("топ-даун", "боттом-ап"),
    /// whose short halves are too ambiguous to read alone.
    /// </summary>
    private static FrozenDictionary<string, string[]> EnglishPairsBySound(IReadOnlyList<SearchDocument> docs)
    {
        var pairsBySound = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var text in docs.SelectMany(d => d.IndexTexts()))
        {
            var words = TextNormaliser.Tokenise(text);
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (!IsLatinWord(words[i]) || !IsLatinWord(words[i + 1])) continue;
                var skeleton = Transliteration.Skeleton(words[i] + words[i + 1]);
                if (skeleton.Length < 2) continue;
                if (!pairsBySound.TryGetValue(skeleton, out var set)) pairsBySound[skeleton] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(words[i] + " " + words[i + 1]);
            }
        }

        return pairsBySound.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string[]> EnglishWordsBySound(IReadOnlyList<SearchDocument> docs, KnowledgeBase knowledge)
    {
        var bySound = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var word in docs.SelectMany(d => d.IndexTexts()).Concat(knowledge.Entities.SelectMany(KnowledgeValidator.AliasesOf))
                     .SelectMany(TextNormaliser.Tokenise).Where(t => t.Length >= 2 && t[0] is >= 'a' and <= 'z').Distinct())
        {
            var skeleton = Transliteration.Skeleton(word);
            if (skeleton.Length < 2) continue;
            // The word itself, not only its stem: how near a Cyrillic spelling is to it decides between words of one sound.
            if (!bySound.TryGetValue(skeleton, out var set)) bySound[skeleton] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(word);
        }

        return bySound.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private SearchDocument Build(string id, Fact? fact, Entity? entity, IReadOnlyList<string> about)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in about)
        {
            foreach (var e in Lineage(a))
            {
                closure.Add(e.Id);
            }

            if (RootOf(a) is { } root) roots.Add(root.Id);
        }

        var saved = _precomputed?.GetValueOrDefault(id);
        var doc = new SearchDocument
        {
            Id = id,
            Fact = fact,
            Entity = entity,
            // Sized for the saved stems, so a warm start fills each set without growing it.
            Stems = new HashSet<string>(saved?.All.Count ?? 0, StringComparer.Ordinal),
            TextStems = new HashSet<string>(saved?.Text.Count ?? 0, StringComparer.Ordinal),
            EntityClosure = closure,
            Roots = roots,
        };
        if (saved is not null)
        {
            ((HashSet<string>)doc.TextStems).UnionWith(saved.Text);
            ((HashSet<string>)doc.Stems).UnionWith(saved.All);
        }
        else
        {
            AddStems((HashSet<string>)doc.TextStems, doc.OwnTexts());
            AddStems((HashSet<string>)doc.Stems, doc.IndexTexts());
        }

        return doc;
    }

    /// <summary>Joins a phrase's stems into one key ("at_present"): a document's stems are stored space-separated.</summary>
    internal const char PhraseJoiner = '_';

    internal static string PhraseKey(IEnumerable<string> stems) => string.Join(PhraseJoiner, stems);

    private void AddStems(HashSet<string> stems, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            var tokens = TextNormaliser.Tokenise(text);
            var acronyms = Acronyms.StopWordsIn(text);
            var all = tokens.Select(WordStemmer.Stem).ToList();
            var inPlaceName = PlaceNameWords(all);
            for (var k = 0; k < tokens.Count; k++)
            {
                // Content words only ("US" in capitals is one); and "United States" is a name: its "states" are no
                // regions (the lexicon's "state").
                if (!Acronyms.IsContent(tokens[k], acronyms)) continue;
                if (!inPlaceName.Contains(k) || !_lexiconWords.Contains(all[k])) stems.Add(all[k]);
            }

            // "At present", "в настоящее время": a phrase of the lexicon stands for its synonyms in the text as in a question.
            for (var k = 0; k < all.Count; k++)
            {
                foreach (var phrase in _lexiconPhrases.GetValueOrDefault(all[k]) ?? [])
                {
                    if (Phrases.StartsAt(all, k, phrase)) stems.Add(PhraseKey(phrase));
                }
            }
        }
    }

    /// <summary>The positions of the stems that are words of a place's name of several words ("united states").</summary>
    private HashSet<int> PlaceNameWords(List<string> stems)
    {
        var positions = new HashSet<int>();
        for (var k = 0; k < stems.Count; k++)
        {
            foreach (var name in _placeNames.GetValueOrDefault(stems[k]) ?? [])
            {
                if (Phrases.StartsAt(stems, k, name)) positions.UnionWith(Enumerable.Range(k, name.Length));
            }
        }

        return positions;
    }

    /// <summary>The phrases of more than one word, each once, by their first stem.</summary>
    private static Dictionary<string, List<string[]>> PhrasesByFirstStem(IEnumerable<string[]> phrases)
    {
        var byFirst = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var phrase in phrases.Where(p => p.Length > 1))
        {
            if (!byFirst.TryGetValue(phrase[0], out var list)) byFirst[phrase[0]] = list = [];
            if (!list.Any(p => p.SequenceEqual(phrase))) list.Add(phrase);
        }

        return byFirst;
    }

    /// <summary>The lexicon's places of more than one word, as stems, by their first stem.</summary>
    private readonly Dictionary<string, List<string[]>> _placeNames;

    /// <summary>The lexicon's one-word synonyms, as stems: the common words a name's word must not stand for.</summary>
    private readonly HashSet<string> _lexiconWords;

    /// <summary>The lexicon's synonyms of more than one word, as stems, by their first stem.</summary>
    private readonly Dictionary<string, List<string[]>> _lexiconPhrases;
}

/// <summary>An attribute of the lexicon, ready for matching: its words as token sequences, and the documents that give it.</summary>
public sealed record IndexedAttribute(LexiconAttribute Attribute, IReadOnlyList<string[]> Words, IReadOnlySet<string> GivenBy)
{
    /// <summary>The documents that state an amount of it in its units: they alone answer "how much".</summary>
    public IReadOnlySet<string> AmountGivenBy { get; init; } = GivenBy;

    /// <summary>As a "how much" question asks it: only a stated amount gives it, when the attribute has units.</summary>
    public IndexedAttribute AsAmount() => Attribute.Units.Count == 0 ? this : this with { GivenBy = AmountGivenBy };
}

/// <summary>A document's stems: of what it says, and of everything it is found by (its aliases too).</summary>
public sealed record DocumentStems(IReadOnlyCollection<string> Text, IReadOnlyCollection<string> All);

/// <summary>
/// What building an index works out beyond the documents' stems, as plain lists in the order the index uses them, so a
/// store can keep it beside the knowledge and a warm start assemble the index from it (<see cref="KnowledgeIndex.FromParts"/>).
/// </summary>
/// <param name="Postings">Each stem with the documents (by position) using it, in ordinal order of the stems: the vocabulary.</param>
/// <param name="DocumentsPerEntity">How many documents are about each entity or its descendants, in the knowledge's entity order.</param>
/// <param name="Aliases">Each entity's aliases as stems, in the order first met.</param>
/// <param name="Fillers">The lexicon's filler words, normalised.</param>
/// <param name="Synonyms">Each stem (or stem phrase) with the ones equivalent to it, itself included.</param>
/// <param name="SynonymPhrases">Multi-word synonyms as stem sequences, longest first.</param>
/// <param name="Attributes">For each of the lexicon's attributes, in its order: its words as tokens and the documents that give it.</param>
/// <param name="Places">The lexicon's place names as tokens.</param>
public sealed record IndexParts(
    IReadOnlyList<(string Stem, int[] Documents)> Postings,
    IReadOnlyList<int> DocumentsPerEntity,
    IReadOnlyList<(string[] Stems, string EntityId)> Aliases,
    IReadOnlyList<string> Fillers,
    IReadOnlyList<(string Stem, string[] Equivalents)> Synonyms,
    IReadOnlyList<string[]> SynonymPhrases,
    IReadOnlyList<IndexedAttributeParts> Attributes,
    IReadOnlyList<string[]> Places)
{
    /// <summary>Raised whenever what the parts hold or mean changes: saved parts of another version are not used.</summary>
    public const int FormatVersion = 1;

    internal bool Fits(KnowledgeBase knowledge) =>
        DocumentsPerEntity.Count == knowledge.Entities.Count && Attributes.Count == knowledge.Lexicon.Attributes.Count;
}

/// <summary>An attribute's words as token sequences and the ids of the documents that give it (an amount of it, for "how much").</summary>
public sealed record IndexedAttributeParts(IReadOnlyList<string[]> Words, IReadOnlyList<string> GivenBy, IReadOnlyList<string> AmountGivenBy);
