using System.Text.Json;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Data.Tests;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_then_load_gives_back_the_same_knowledge()
    {
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        store.Import(kb);

        var loaded = store.Load();
        Assert.Equal(kb.ContentHash, store.StoredHash());
        Assert.Equal(kb.PaperTitle, loaded.PaperTitle);
        Assert.Equal(kb.Sections, loaded.Sections);
        Assert.Equal(kb.References, loaded.References);
        Assert.Equal(kb.Entities.Select(Describe), loaded.Entities.Select(Describe));
        Assert.Equal(kb.Facts.Select(Describe), loaded.Facts.Select(Describe));
        Assert.Equal(kb.Lexicon.Places, loaded.Lexicon.Places);
        Assert.NotEmpty(loaded.Lexicon.Places);
        Assert.Equal(kb.Lexicon.Attributes.Select(a => (a.Id, string.Join(",", a.Words), string.Join(",", a.Units), a.OnlyHowMuch)),
            loaded.Lexicon.Attributes.Select(a => (a.Id, string.Join(",", a.Words), string.Join(",", a.Units), a.OnlyHowMuch)));
        Assert.Contains(loaded.Lexicon.Attributes, a => a.OnlyHowMuch && a.Units.Count > 0);
        Assert.Equal(kb.Lexicon.Opposites.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)),
            loaded.Lexicon.Opposites.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)));
        Assert.NotEmpty(loaded.Lexicon.Opposites);
        Assert.Equal(kb.Lexicon.Comparatives.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)),
            loaded.Lexicon.Comparatives.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)));
        Assert.NotEmpty(loaded.Lexicon.Comparatives);
    }

    [Fact]
    public void A_second_import_replaces_the_first_entirely()
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        store.Import(kb);
        store.Import(new KnowledgeBase
        {
            PaperTitle = kb.PaperTitle,
            Sections = kb.Sections,
            References = kb.References,
            Entities = kb.Entities.Where(e => e.Id == "china" || e.ParentId == "china").ToList(),
            Facts = kb.Facts.Where(f => f.Id.StartsWith("cn-", StringComparison.Ordinal)).ToList(),
            ContentHash = "second",
        });

        var loaded = store.Load();
        Assert.DoesNotContain(loaded.Entities, e => e.Id == "korea");
        Assert.All(loaded.Facts, f => Assert.StartsWith("cn-", f.Id));
        Assert.Equal("second", store.StoredHash());
        Assert.DoesNotContain(new Fts5CandidateSearch(store.Database).Find(["кор", "korea"], 10), id => id.StartsWith("kr-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_store_survives_reopening_the_file()
    {
        var path = _temp.File("store.db");
        new KnowledgeStore(new SqliteDatabase(path)).Import(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));
        var reopened = new KnowledgeStore(new SqliteDatabase(path));
        Assert.NotEmpty(reopened.Load().Facts);
    }

    [Fact]
    public void The_stored_index_has_the_same_stems_as_one_built_from_the_files()
    {
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        store.Import(kb);

        var fresh = new ClusterBot.Core.Answering.KnowledgeIndex(kb);
        var stored = store.LoadIndex();
        Assert.Equal(fresh.Documents.Select(d => d.Id), stored.Documents.Select(d => d.Id));
        foreach (var (a, b) in fresh.Documents.Zip(stored.Documents))
        {
            Assert.True(a.Stems.SetEquals(b.Stems), a.Id);
            Assert.True(a.TextStems.SetEquals(b.TextStems), a.Id);
        }

        Assert.Equal(fresh.Vocabulary, stored.Vocabulary);
    }

    [Fact]
    public void A_warm_load_reads_the_image_of_the_import_not_the_tables()
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        store.Import(kb);
        // Emptied behind the store's back: only the image still holds the facts and their stems.
        Execute(store, "DELETE FROM facts; DELETE FROM fact_about; DELETE FROM doc_stems;");

        var index = store.LoadIndex();
        Assert.Equal(kb.Facts.Select(f => f.Id), index.Knowledge.Facts.Select(f => f.Id));
        Assert.Equal(new ClusterBot.Core.Answering.KnowledgeIndex(kb).Vocabulary, index.Vocabulary);
    }

    [Fact]
    public void The_image_gives_back_exactly_what_the_tables_give()
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        store.Import(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));

        // Every public property, nested, compared as JSON: nothing the tables give may be missing from the image.
        var options = new JsonSerializerOptions { WriteIndented = true };
        Assert.Equal(JsonSerializer.Serialize(store.Load(), options), JsonSerializer.Serialize(store.LoadIndex().Knowledge, options));
    }

    [Fact]
    public void An_image_of_other_knowledge_than_the_stored_is_not_read()
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        store.Import(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));
        // As if an import had committed its tables and stopped before writing its image over the previous one.
        Execute(store, "DELETE FROM facts WHERE id NOT LIKE 'cn-%'; UPDATE meta SET value = 'newer' WHERE key = 'knowledge_hash';");

        var index = store.LoadIndex();
        Assert.NotEmpty(index.Knowledge.Facts);
        Assert.All(index.Knowledge.Facts, f => Assert.StartsWith("cn-", f.Id));
    }

    [Fact]
    public void A_second_import_replaces_the_image_too()
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        store.Import(kb);
        store.Import(new KnowledgeBase
        {
            PaperTitle = kb.PaperTitle,
            Sections = kb.Sections,
            References = kb.References,
            Entities = kb.Entities.Where(e => e.Id == "china" || e.ParentId == "china").ToList(),
            Facts = kb.Facts.Where(f => f.Id.StartsWith("cn-", StringComparison.Ordinal)).ToList(),
            ContentHash = "second",
        });
        // The image is all a warm load would read.
        Execute(store, "DELETE FROM facts; DELETE FROM countries;");

        var index = store.LoadIndex();
        Assert.Equal("second", index.Knowledge.ContentHash);
        Assert.DoesNotContain(index.Knowledge.Entities, e => e.Id == "korea");
        Assert.NotEmpty(index.Knowledge.Facts);
        Assert.All(index.Knowledge.Facts, f => Assert.StartsWith("cn-", f.Id));
    }

    private static void Execute(KnowledgeStore store, string sql)
    {
        using var c = store.Database.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Describe(Entity e) =>
        $"{e.Id}|{e.Kind}|{e.ParentId}|{e.Name}|{string.Join(",", e.Aliases.All)}|{e.Summary}|{e.Cite.Section}|{string.Join(",", e.Cite.Refs)}|{e.Order}|{e.Start}|{e.End}|{string.Join(",", e.Years)}|{e.Location}";

    private static string Describe(Fact f) =>
        $"{f.Id}|{string.Join(",", f.About)}|{f.Kind}|{f.Text}|{string.Join(",", f.ItemTexts.All)}|{string.Join(",", f.Keywords.All)}|" +
        $"{string.Join(",", f.Numbers)}|{string.Join(",", f.Years)}|{f.Cite.Section}|{string.Join(",", f.Cite.Refs)}|{string.Join(",", f.See)}|{f.Location}";
}
