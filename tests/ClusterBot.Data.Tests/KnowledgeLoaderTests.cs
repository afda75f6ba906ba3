using Dapper;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Data.Tests;

public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_folder_is_imported_once_and_reused_while_unchanged()
    {
        var folder = _temp.CopyKnowledge();
        var db = _temp.File("store.db");
        var first = new CollectingLogger<KnowledgeLoader>();
        Assert.NotEmpty(Loader(folder, db, first).Current.Index.Documents);
        Assert.Single(first.Lines, m => m.StartsWith("Imported", StringComparison.Ordinal));

        var warm = new CollectingLogger<KnowledgeLoader>();
        Assert.NotEmpty(Loader(folder, db, warm).Current.Index.Documents);
        Assert.DoesNotContain(warm.Lines, m => m.StartsWith("Imported", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_made_by_another_build_is_imported_again()
    {
        var folder = _temp.CopyKnowledge();
        var db = _temp.File("store.db");
        _ = Loader(folder, db, new CollectingLogger<KnowledgeLoader>()).Current;
        var store = new KnowledgeStore(new SqliteDatabase(db));
        Assert.Equal(KnowledgeStore.DerivedBy, store.StoredDerivation());
        using (var c = store.Database.Open())
        {
            // As a previous release would have left it: the same knowledge, stems of its own making.
            c.Execute("UPDATE meta SET value = 'an-older-build' WHERE key = 'derived_by'");
        }

        var again = new CollectingLogger<KnowledgeLoader>();
        Assert.NotEmpty(Loader(folder, db, again).Current.Index.Documents);
        Assert.Single(again.Lines, m => m.StartsWith("Imported", StringComparison.Ordinal));
        Assert.Equal(KnowledgeStore.DerivedBy, store.StoredDerivation());
    }

    [Fact]
    public void An_edit_is_imported_on_the_next_load()
    {
        var folder = _temp.CopyKnowledge();
        var db = _temp.File("store.db");
        _ = Loader(folder, db, new CollectingLogger<KnowledgeLoader>()).Current;
        var file = Path.Combine(folder, "china.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("China selected 19 clusters", "China selected nineteen clusters", StringComparison.Ordinal));

        var loaded = Loader(folder, db, new CollectingLogger<KnowledgeLoader>()).Current;
        Assert.Contains("nineteen", loaded.Index.FindDocument("cn-19-clusters")!.Fact!.Text.En);
    }

    [Fact]
    public void An_invalid_edit_is_refused_and_reload_keeps_the_previous_knowledge()
    {
        var folder = _temp.CopyKnowledge();
        var loader = Loader(folder, _temp.File("store.db"), new CollectingLogger<KnowledgeLoader>());
        var before = loader.Current;
        File.AppendAllText(Path.Combine(folder, "china.yaml"), "\n  - id: broken\n");

        var ex = Assert.Throws<KnowledgeValidationException>(loader.Reload);
        Assert.Contains(ex.Errors, e => e.File == "china.yaml" && e.Line > 0);
        Assert.Same(before, loader.Current);
    }

    private static KnowledgeLoader Loader(string folder, string db, ILogger<KnowledgeLoader> logger) =>
        new(new KnowledgeStore(new SqliteDatabase(db)), Options.Create(new KnowledgeOptions { Path = folder }), logger);
}
