using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data;

/// <summary>
/// Writes a knowledge base into the SQLite tables (and the FTS5 index over its stemmed text) and reads it back.
/// An import replaces all knowledge in one transaction: readers see the old knowledge or the new, never a mix.
/// </summary>
public sealed partial class KnowledgeStore(SqliteDatabase database)
{
    private const string HashKey = "knowledge_hash";
    private const string DerivedByKey = "derived_by";
    private const string LexiconKey = "lexicon";

    public SqliteDatabase Database => database;

    /// <summary>The content hash of the knowledge last imported, or null for an empty store.</summary>
    public string? StoredHash()
    {
        using var c = database.Open();
        return c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key = HashKey });
    }

    /// <summary>
    /// The build of the code that worked out what the store keeps beside the knowledge itself (stems, the search rows,
    /// the image's index parts): the module versions of the assemblies doing it. Another build may stem or index
    /// otherwise, so its store is imported again even when the knowledge has not changed.
    /// </summary>
    public static readonly string DerivedBy = string.Join('.',
        typeof(Core.Text.WordStemmer).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        typeof(KnowledgeStore).Assembly.ManifestModule.ModuleVersionId.ToString("N"));

    /// <summary>The build that made the stored stems and index, or null for a store imported before builds were recorded.</summary>
    public string? StoredDerivation()
    {
        using var c = database.Open();
        return c.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key = DerivedByKey });
    }

    public void Import(KnowledgeBase kb)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        foreach (var table in Schema.KnowledgeTables)
        {
            c.Execute($"DELETE FROM {table}", transaction: tx);
        }

        SetMeta(c, tx, "paper_title_ru", kb.PaperTitle.Ru);
        SetMeta(c, tx, "paper_title_en", kb.PaperTitle.En);
        SetMeta(c, tx, LexiconKey, JsonSerializer.Serialize(new LexiconRow(kb.Lexicon.Fillers.ToList(), kb.Lexicon.Synonyms.Select(g => g.ToList()).ToList(),
            kb.Lexicon.Attributes.Select(a => new AttributeRow(a.Id, a.Name.Ru, a.Name.En, a.Words.ToList(), a.Units.ToList(), a.OnlyHowMuch)).ToList(), kb.Lexicon.Places.ToList(),
            Pairs(kb.Lexicon.Opposites), Pairs(kb.Lexicon.Comparatives)), StoreJson.Default.LexiconRow));
        c.Execute("INSERT INTO sections (id, title_ru, title_en, seq) VALUES (@Id, @Ru, @En, @Seq)",
            kb.Sections.Select((s, i) => new { s.Id, s.Title.Ru, s.Title.En, Seq = i }), tx);
        c.Execute("INSERT INTO sources (number, section, cited_for_ru, cited_for_en) VALUES (@Number, @Section, @Ru, @En)",
            kb.References.Select(r => new { r.Number, r.Section, r.CitedFor.Ru, r.CitedFor.En }), tx);

        for (var i = 0; i < kb.Entities.Count; i++)
        {
            var e = kb.Entities[i];
            c.Execute($"""
                INSERT INTO {TableOf(e.Kind)} (id, kind, parent_id, name_ru, name_en, summary_ru, summary_en, section, refs, ord, start_year, end_year, years, quote, asks, file, line, seq)
                VALUES (@Id, @Kind, @ParentId, @NameRu, @NameEn, @SummaryRu, @SummaryEn, @Section, @Refs, @Order, @Start, @End, @Years, @Quote, @Asks, @File, @Line, @Seq)
                """,
                new
                {
                    e.Id, Kind = e.Kind.ToString(), e.ParentId, NameRu = e.Name.Ru, NameEn = e.Name.En, SummaryRu = e.Summary.Ru, SummaryEn = e.Summary.En,
                    e.Cite.Section, Refs = Json(e.Cite.Refs, StoreJson.Default.ListInt32), e.Order, e.Start, e.End, Years = Json(e.Years, StoreJson.Default.ListInt32), Quote = Json(e.Quote, StoreJson.Default.ListString), Asks = JsonOf(e.Asks),
                    e.Location.File, e.Location.Line, Seq = i,
                }, tx);
            var aliases = e.Aliases.Ru.Select(a => (Lang: "ru", Alias: a)).Concat(e.Aliases.En.Select(a => (Lang: "en", Alias: a)));
            c.Execute("INSERT INTO aliases (entity_id, lang, alias, normalised, seq) VALUES (@EntityId, @Lang, @Alias, @Normalised, @Seq)",
                aliases.Select((a, j) => new { EntityId = e.Id, a.Lang, a.Alias, Normalised = TextNormaliser.Normalise(a.Alias), Seq = j }), tx);
        }

        for (var i = 0; i < kb.Facts.Count; i++)
        {
            var f = kb.Facts[i];
            c.Execute("""
                INSERT INTO facts (id, kind, text_ru, text_en, items, keywords_ru, keywords_en, numbers, years, section, refs, see, quote, asks, file, line, seq)
                VALUES (@Id, @Kind, @TextRu, @TextEn, @Items, @KeywordsRu, @KeywordsEn, @Numbers, @Years, @Section, @Refs, @See, @Quote, @Asks, @File, @Line, @Seq)
                """,
                new
                {
                    f.Id, Kind = f.Kind.ToString(), TextRu = f.Text.Ru, TextEn = f.Text.En, Items = JsonOf(f.Items),
                    KeywordsRu = Json(f.Keywords.Ru, StoreJson.Default.ListString), KeywordsEn = Json(f.Keywords.En, StoreJson.Default.ListString),
                    Numbers = Json(f.Numbers, StoreJson.Default.ListDecimal), Years = Json(f.Years, StoreJson.Default.ListInt32),
                    f.Cite.Section, Refs = Json(f.Cite.Refs, StoreJson.Default.ListInt32), See = Json(f.See, StoreJson.Default.ListString),
                    Quote = Json(f.Quote, StoreJson.Default.ListString), Asks = JsonOf(f.Asks),
                    f.Location.File, f.Location.Line, Seq = i,
                }, tx);
            c.Execute("INSERT INTO fact_about (fact_id, entity_id, ord) VALUES (@FactId, @EntityId, @Ord)",
                f.About.Select((a, j) => new { FactId = f.Id, EntityId = a, Ord = j }), tx);
        }

        IndexForSearch(c, tx, kb);
        // Names weigh most, then the curated keywords, then the running text; the id column is not searched.
        c.Execute("INSERT INTO docs_fts (docs_fts, rank) VALUES ('rank', 'bm25(0.0, 5.0, 3.0, 1.0)')", transaction: tx);
        SetMeta(c, tx, HashKey, kb.ContentHash);
        SetMeta(c, tx, DerivedByKey, DerivedBy);
        tx.Commit();
        SaveImage();
    }

    /// <summary>
    /// The image a warm start reads, made from the tables just written so that it holds exactly what they give back,
    /// and the parts of the index built from that. Written after the import's commit: a process that stops in between
    /// leaves no image, and the tables are read.
    /// </summary>
    private void SaveImage()
    {
        var kb = Load();
        var stems = LoadStems();
        var image = KnowledgeImage.Write(kb, stems, KnowledgeIndex.BuildWithParts(kb, stems).Parts);
        using var c = database.Open();
        // Plain ADO.NET: Dapper would expand a byte[] parameter as a list of values.
        using var command = c.CreateCommand();
        command.CommandText = "INSERT INTO knowledge_image (id, content_hash, image) VALUES (1, $hash, $image) " +
            "ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, image = excluded.image";
        command.Parameters.AddWithValue("$hash", kb.ContentHash);
        command.Parameters.Add("$image", SqliteType.Blob).Value = image;
        command.ExecuteNonQuery();
    }

    /// <summary>The stored image, if it is of the knowledge last imported and of this build's format.</summary>
    private (KnowledgeBase Knowledge, Dictionary<string, DocumentStems> Stems, IndexParts? Parts)? LoadImage()
    {
        using var c = database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT i.image FROM knowledge_image i JOIN meta m ON m.key = 'knowledge_hash' AND m.value = i.content_hash";
        return command.ExecuteScalar() is byte[] image ? KnowledgeImage.Read(image) : null;
    }

    /// <summary>Reads the knowledge base back from the tables, in the order it was written.</summary>
    public KnowledgeBase Load()
    {
        using var c = database.Open();
        var meta = c.Query<MetaRow>("SELECT key, value FROM meta").ToDictionary(x => x.Key, x => x.Value);
        var sections = c.Query<SectionRow>("SELECT id, title_ru AS ru, title_en AS en FROM sections ORDER BY seq")
            .Select(s => new Section(s.Id, new Localized(s.Ru, s.En))).ToList();
        var references = c.Query<SourceRow>("SELECT number, section, cited_for_ru AS ru, cited_for_en AS en FROM sources ORDER BY number")
            .Select(r => new Reference((int)r.Number, r.Section, new Localized(r.Ru, r.En))).ToList();
        var aliases = c.Query<AliasRow>("SELECT entity_id AS EntityId, lang, alias FROM aliases ORDER BY entity_id, seq")
            .GroupBy(a => a.EntityId)
            .ToDictionary(g => g.Key, g => new LocalizedList(
                g.Where(a => a.Lang == "ru").Select(a => a.Alias).ToList(),
                g.Where(a => a.Lang == "en").Select(a => a.Alias).ToList()));
        var entities = c.Query<EntityRow>("""
                SELECT * FROM (SELECT * FROM countries UNION ALL SELECT * FROM regions UNION ALL SELECT * FROM programmes UNION ALL SELECT * FROM phases) ORDER BY seq
                """)
            .Select(r => new Entity(r.id, Enum.Parse<EntityKind>(r.kind), r.parent_id, new Localized(r.name_ru, r.name_en),
                aliases.GetValueOrDefault(r.id, LocalizedList.Empty), new Localized(r.summary_ru, r.summary_en),
                new Cite(r.section, FromJson(r.refs, StoreJson.Default.ListInt32)), (int?)r.ord, (int?)r.start_year, (int?)r.end_year,
                FromJson(r.years, StoreJson.Default.ListInt32),
                new SourceLocation(r.file, (int)r.line)) { Quote = FromJson(r.quote, StoreJson.Default.ListString), Asks = LocalizedListOf(r.asks) })
            .ToList();
        var about = c.Query<AboutRow>("SELECT fact_id AS FactId, entity_id AS EntityId FROM fact_about ORDER BY fact_id, ord")
            .GroupBy(a => a.FactId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.EntityId).ToList());
        var facts = c.Query<FactRow>("SELECT * FROM facts ORDER BY seq")
            .Select(r => new Fact(r.id, about.GetValueOrDefault(r.id, []), Enum.Parse<FactKind>(r.kind), new Localized(r.text_ru, r.text_en),
                ItemsOf(r.items),
                new LocalizedList(FromJson(r.keywords_ru, StoreJson.Default.ListString), FromJson(r.keywords_en, StoreJson.Default.ListString)),
                FromJson(r.numbers, StoreJson.Default.ListDecimal), FromJson(r.years, StoreJson.Default.ListInt32),
                new Cite(r.section, FromJson(r.refs, StoreJson.Default.ListInt32)), FromJson(r.see, StoreJson.Default.ListString),
                new SourceLocation(r.file, (int)r.line)) { Quote = FromJson(r.quote, StoreJson.Default.ListString), Asks = LocalizedListOf(r.asks) })
            .ToList();

        return new KnowledgeBase
        {
            PaperTitle = new Localized(meta.GetValueOrDefault("paper_title_ru", ""), meta.GetValueOrDefault("paper_title_en", "")),
            Sections = sections,
            References = references,
            Entities = entities,
            Facts = facts,
            Lexicon = LexiconOf(meta.GetValueOrDefault(LexiconKey)),
            ContentHash = meta.GetValueOrDefault(HashKey, ""),
        };
    }

    /// <summary>
    /// The in-memory index over the stored knowledge, with each document's stems as saved at import: from the
    /// image of the last import (one read), assembled from the index parts saved in it; built from the tables when
    /// there is no image, or from the image when its parts are of another version.
    /// </summary>
    public KnowledgeIndex LoadIndex()
    {
        var (kb, stems, parts) = LoadImage() ?? (Load(), LoadStems(), null);
        return parts is null ? new KnowledgeIndex(kb, stems) : KnowledgeIndex.FromParts(kb, stems, parts);
    }

    private Dictionary<string, DocumentStems> LoadStems()
    {
        using var c = database.Open();
        return c.Query<StemsRow>("SELECT doc_id AS Id, text_stems AS TextStems, all_stems AS AllStems FROM doc_stems")
            .ToDictionary(r => r.Id, r => new DocumentStems(Split(r.TextStems), Split(r.AllStems)), StringComparer.Ordinal);
    }

    private static string[] Split(string stems) => stems.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The FTS5 rows hold stems, not words: SQLite has no Russian stemmer, so the app stems both sides.</summary>
    private static void IndexForSearch(SqliteConnection c, SqliteTransaction tx, KnowledgeBase kb)
    {
        var index = new KnowledgeIndex(kb);
        foreach (var doc in index.Documents)
        {
            string names, keywords, body;
            if (doc.Fact is { } f)
            {
                names = "";
                keywords = Stems(f.Keywords.All.Concat(f.ItemTexts.All).Concat(f.Asks.All).Concat(f.Items.SelectMany(i => i.Asks.All)));
                body = Stems([f.Text.Ru, f.Text.En]);
            }
            else
            {
                var e = doc.Entity!;
                names = Stems(KnowledgeValidator.AliasesOf(e));
                keywords = Stems(e.Asks.All);
                body = Stems([e.Summary.Ru, e.Summary.En]);
            }

            c.Execute("INSERT INTO docs_fts (doc_id, names, keywords, body) VALUES (@Id, @Names, @Keywords, @Body)",
                new { doc.Id, Names = names, Keywords = keywords, Body = body }, tx);
            c.Execute("INSERT INTO doc_stems (doc_id, text_stems, all_stems) VALUES (@Id, @Text, @All)",
                new { doc.Id, Text = string.Join(' ', doc.TextStems), All = string.Join(' ', doc.Stems) }, tx);
        }
    }

    private static string Stems(IEnumerable<string> texts) => string.Join(' ', texts.SelectMany(WordStemmer.StemAll));

    private static string TableOf(EntityKind kind) => kind switch
    {
        EntityKind.Country or EntityKind.Topic => "countries",
        EntityKind.Region => "regions",
        EntityKind.Programme => "programmes",
        _ => "phases",
    };

    private static void SetMeta(SqliteConnection c, SqliteTransaction tx, string key, string value) =>
        c.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", new { key, value }, tx);

    private static string Json<T>(IEnumerable<T> values, JsonTypeInfo<List<T>> type) => JsonSerializer.Serialize(values.ToList(), type);

    private static List<T> FromJson<T>(string json, JsonTypeInfo<List<T>> type) => JsonSerializer.Deserialize(json, type) ?? [];

    private static string JsonOf(LocalizedList list) => JsonSerializer.Serialize(new LocalizedListRow(list.Ru.ToList(), list.En.ToList()), StoreJson.Default.LocalizedListRow);

    private static LocalizedList LocalizedListOf(string json) =>
        JsonSerializer.Deserialize(json, StoreJson.Default.LocalizedListRow) is { } row ? new LocalizedList(row.Ru, row.En) : LocalizedList.Empty;

    private static string JsonOf(IReadOnlyList<ListItem> items) => JsonSerializer.Serialize(items.Select(i =>
        new ListItemRow(i.Order, i.Text.Ru, i.Text.En, i.Quote.ToList(), new LocalizedListRow(i.Asks.Ru.ToList(), i.Asks.En.ToList()), i.Location.File, i.Location.Line)).ToList(), StoreJson.Default.ListListItemRow);

    private static List<ListItem> ItemsOf(string json) => FromJson(json, StoreJson.Default.ListListItemRow)
        .Select(r => new ListItem(r.Order, new Localized(r.Ru, r.En), new SourceLocation(r.File, r.Line)) { Quote = r.Quote, Asks = new LocalizedList(r.Asks.Ru, r.Asks.En) })
        .ToList();

    private static Lexicon LexiconOf(string? json) =>
        json is null || JsonSerializer.Deserialize(json, StoreJson.Default.LexiconRow) is not { } row
            ? Lexicon.Empty
            : new Lexicon(row.Fillers, row.Synonyms, row.Attributes.Select(a => new LexiconAttribute(a.Id, new Localized(a.Ru, a.En), a.Words) { Units = a.Units ?? [], OnlyHowMuch = a.OnlyHowMuch }).ToList())
            {
                Places = row.Places ?? [],
                Opposites = PairsOf(row.Opposites),
                Comparatives = PairsOf(row.Comparatives),
            };

    private static List<List<List<string>>> Pairs(IEnumerable<LexiconOpposites> pairs) =>
        pairs.Select(o => new List<List<string>> { o.One.ToList(), o.Other.ToList() }).ToList();

    private static List<LexiconOpposites> PairsOf(List<List<List<string>>>? rows) =>
        rows?.Where(p => p.Count == 2).Select(p => new LexiconOpposites(p[0], p[1])).ToList() ?? [];

    // Rows read by Dapper.AOT's generated readers (internal: they live outside this class); columns match by name.
    internal sealed record MetaRow(string Key, string Value);

    internal sealed record SectionRow(string Id, string Ru, string En);

    internal sealed record SourceRow(long Number, string Section, string Ru, string En);

    internal sealed record AliasRow(string EntityId, string Lang, string Alias);

    internal sealed record AboutRow(string FactId, string EntityId);

    internal sealed record StemsRow(string Id, string TextStems, string AllStems);

    // The JSON columns' shapes, written and read by generated code (no reflection, as a Native AOT build needs).
    [JsonSerializable(typeof(LexiconRow))]
    [JsonSerializable(typeof(LocalizedListRow))]
    [JsonSerializable(typeof(List<ListItemRow>))]
    [JsonSerializable(typeof(List<int>))]
    [JsonSerializable(typeof(List<decimal>))]
    [JsonSerializable(typeof(List<string>))]
    private sealed partial class StoreJson : JsonSerializerContext;

    private sealed record LexiconRow(List<string> Fillers, List<List<string>> Synonyms, List<AttributeRow> Attributes, List<string>? Places, List<List<List<string>>>? Opposites,
        List<List<List<string>>>? Comparatives);

    private sealed record AttributeRow(string Id, string Ru, string En, List<string> Words, List<string>? Units, bool OnlyHowMuch);

    private sealed record LocalizedListRow(List<string> Ru, List<string> En);

    private sealed record ListItemRow(int Order, string Ru, string En, List<string> Quote, LocalizedListRow Asks, string File, int Line);

#pragma warning disable IDE1006, CA1707 // column names as SQLite has them, so Dapper maps without attributes
    internal sealed record EntityRow(string id, string kind, string? parent_id, string name_ru, string name_en, string summary_ru, string summary_en,
        string section, string refs, long? ord, long? start_year, long? end_year, string years, string quote, string asks, string file, long line, long seq);

    internal sealed record FactRow(string id, string kind, string text_ru, string text_en, string items, string keywords_ru,
        string keywords_en, string numbers, string years, string section, string refs, string see, string quote, string asks, string file, long line, long seq);
#pragma warning restore IDE1006, CA1707
}
