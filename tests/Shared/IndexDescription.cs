using System.Globalization;
using System.Text.Json;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using Microsoft.Extensions.Options;

namespace ClusterBot.Testing;

/// <summary>
/// Everything an index answers, written out line by line in the order it gives it, so two indexes can be compared
/// whole: one built from the knowledge and one assembled from saved parts must give the very same lines.
/// </summary>
internal static class IndexDescription
{
    public static List<string> Describe(KnowledgeIndex index)
    {
        var lines = new List<string>();
        void Add(string what, IEnumerable<object?> values) => lines.Add(what + ": " + string.Join(" | ", values.Select(Format)));

        foreach (var d in index.Documents)
        {
            Add("doc " + d.Id, [string.Join(",", d.Stems), string.Join(",", d.TextStems), string.Join(",", d.EntityClosure), string.Join(",", d.Roots), d.Fact?.Id, d.Entity?.Id]);
        }

        Add("vocabulary", index.Vocabulary);
        Add("idf", index.Vocabulary.Select(s => (object?)index.Idf(s)));
        Add("unknown idf", [index.Idf("zzzz-not-a-stem"), index.IsKnownStem("zzzz-not-a-stem")]);
        for (var length = 0; length <= 40; length++) Add("length " + length, index.VocabularyOfLength(length));
        foreach (var prefix in new[] { "клас", "clust", "к", "a", "zz" }) Add("prefix " + prefix, index.VocabularyStartingWith(prefix));
        foreach (var e in index.Entities) Add("entity " + e.Id, [index.DocumentCountOf(e.Id)]);

        // Every stem the lexicon's synonyms or the vocabulary could be looked up by.
        var stems = index.Vocabulary.Concat(index.Knowledge.Lexicon.Synonyms.SelectMany(g => g).Select(w => string.Join(' ', WordStemmer.StemAll(w))))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var stem in stems)
        {
            var synonyms = index.SynonymsOf(stem);
            Add("synonyms " + stem, [string.Join(",", synonyms), index.IdfOfAny(synonyms.Append(stem).ToList())]);
            Add("aliases " + stem, index.AliasesStartingWith(stem).Select(a => string.Join(" ", a.Stems) + "=" + a.EntityId));
        }

        Add("synonym phrases", index.SynonymPhrases.Select(p => string.Join(" ", p)));
        Add("single-word aliases", index.SingleWordAliases.Select(a => a.Stem + "=" + a.EntityId));
        foreach (var a in index.Attributes)
        {
            Add("attribute " + a.Attribute.Id, [string.Join(";", a.Words.Select(w => string.Join(" ", w))), string.Join(",", a.GivenBy), string.Join(",", a.AmountGivenBy)]);
        }

        var words = index.Knowledge.Lexicon.Fillers.Concat(index.Knowledge.Lexicon.Places).Concat(index.Vocabulary.Take(300))
            .SelectMany(TextNormaliser.Tokenise).Distinct(StringComparer.Ordinal).ToList();
        Add("fillers", words.Select(w => (object?)index.IsFiller(w)));
        foreach (var place in index.Knowledge.Lexicon.Places)
        {
            var tokens = TextNormaliser.Tokenise(place).ToList();
            foreach (var form in new[] { "", "ы", "е", "ом" })
            {
                var formed = tokens.Select(t => t + form).ToList();
                Add("place " + place + form, formed.Select((_, j) => (object?)index.IsPlace(formed, j)));
            }
        }

        Add("places among words", words.Select((_, j) => (object?)index.IsPlace(words, j)));
        return lines;
    }

    /// <summary>How the index ranks and answers each question: the scores in full precision, the reply and its evidence.</summary>
    public static List<string> Answers(KnowledgeIndex index, IEnumerable<string> questions)
    {
        var snapshot = new KnowledgeSnapshot(index, new InMemoryCandidateSearch(index));
        var engine = new AnswerEngine(new StaticKnowledgeSource(snapshot), Options.Create(new AnswerEngineOptions { DefaultLanguage = "ru" }));
        var lines = new List<string>();
        foreach (var q in questions)
        {
            var query = QueryAnalyser.Analyse(q, index);
            var ranked = Ranker.Rank(query, index, snapshot.Search).Take(10)
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Document.Id} {s.Score:R} {s.Coverage:R} {s.Predicate:R} {s.Matched:R}"));
            lines.Add(q + " => " + string.Join("; ", ranked));
            var reply = engine.Answer(new Question(q, ChatKind.Private, BotUsername: "ClusterBot"));
            lines.Add(q + " => " + reply.ToPlainText() + " | " + reply.Evidence + " | " + string.Join(",", reply.FactIds) + " | " + reply.ClosestId);
        }

        return lines;
    }

    /// <summary>The questions of the repository's eval sets.</summary>
    public static IReadOnlyList<string> EvalQuestions() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "ClusterBot.Tests", "Eval"), "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!)
            .ToList();

    private static string Format(object? value) => value switch
    {
        null => "-",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "y" : "n",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
