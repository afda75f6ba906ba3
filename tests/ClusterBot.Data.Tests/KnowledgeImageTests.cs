using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Data.Tests;

/// <summary>
/// The index parts kept in the knowledge image: a warm start assembles from them exactly the index a build gives, and an
/// image of other knowledge or of another version of the parts is not read.
/// </summary>
public sealed class KnowledgeImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static KnowledgeBase Real { get; } = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);

    /// <summary>A small knowledge: China's entries only, and one with no lexicon at all.</summary>
    public static TheoryData<string> Fixtures => ["real", "china", "china without lexicon"];

    private static KnowledgeBase Fixture(string name) => name switch
    {
        "real" => Real,
        _ => new KnowledgeBase
        {
            PaperTitle = Real.PaperTitle,
            Sections = Real.Sections,
            References = Real.References,
            Entities = Real.Entities.Where(e => e.Id == "china" || e.ParentId == "china").ToList(),
            Facts = Real.Facts.Where(f => f.Id.StartsWith("cn-", StringComparison.Ordinal)).ToList(),
            Lexicon = name == "china" ? Real.Lexicon : Lexicon.Empty,
            ContentHash = name,
        },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void A_warm_load_assembles_from_the_image_the_index_a_build_gives(string fixture)
    {
        var kb = Fixture(fixture);
        var store = Imported(kb);
        var (knowledge, stems, parts) = StoredImage(store);
        Assert.NotNull(parts);

        var built = new KnowledgeIndex(knowledge, stems);
        var loaded = store.LoadIndex();
        Assert.Equal(IndexDescription.Describe(built), IndexDescription.Describe(loaded));
        Assert.Equal(IndexDescription.Describe(new KnowledgeIndex(kb)), IndexDescription.Describe(loaded));
    }

    [Fact]
    public void A_warm_load_ranks_and_answers_every_eval_question_as_a_built_index_does()
    {
        var store = Imported(Real);
        var questions = IndexDescription.EvalQuestions();
        Assert.True(questions.Count > 500);

        Assert.Equal(IndexDescription.Answers(new KnowledgeIndex(Real), questions), IndexDescription.Answers(store.LoadIndex(), questions));
    }

    [Fact]
    public void The_image_round_trips_the_parts_exactly()
    {
        var store = Imported(Real);
        var (knowledge, stems, parts) = StoredImage(store);
        var expected = KnowledgeIndex.BuildWithParts(knowledge, stems).Parts;

        Assert.NotNull(parts);
        Assert.Equal(expected.Postings.Select(p => p.Stem + "=" + string.Join(",", p.Documents)), parts.Postings.Select(p => p.Stem + "=" + string.Join(",", p.Documents)));
        Assert.Equal(expected.DocumentsPerEntity, parts.DocumentsPerEntity);
        Assert.Equal(expected.Aliases.Select(a => string.Join(" ", a.Stems) + "=" + a.EntityId), parts.Aliases.Select(a => string.Join(" ", a.Stems) + "=" + a.EntityId));
        Assert.Equal(expected.Fillers, parts.Fillers);
        Assert.Equal(expected.Synonyms.Select(x => x.Stem + "=" + string.Join(",", x.Equivalents)), parts.Synonyms.Select(x => x.Stem + "=" + string.Join(",", x.Equivalents)));
        Assert.Equal(expected.SynonymPhrases.Select(p => string.Join(" ", p)), parts.SynonymPhrases.Select(p => string.Join(" ", p)));
        Assert.Equal(expected.Attributes.Select(Describe), parts.Attributes.Select(Describe));
        Assert.Equal(expected.Places.Select(p => string.Join(" ", p)), parts.Places.Select(p => string.Join(" ", p)));
        Assert.NotEmpty(knowledge.Lexicon.Comparatives);
        Assert.Equal(Real.Lexicon.Comparatives.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)),
            knowledge.Lexicon.Comparatives.Select(o => string.Join(",", o.One) + "|" + string.Join(",", o.Other)));
    }

    [Fact]
    public void A_warm_load_uses_the_parts_the_image_holds()
    {
        var store = Imported(Real);
        // Parts no build would give, written as this build's version: only an index assembled from them shows them.
        ReplaceImage(store, doctoredVersion: IndexParts.FormatVersion);

        var index = store.LoadIndex();
        Assert.All(index.Attributes, a => Assert.Empty(a.GivenBy));
        Assert.True(index.IsFiller("кластер"));
    }

    [Fact]
    public void Parts_of_another_version_are_not_read_and_the_index_is_built()
    {
        var store = Imported(Real);
        ReplaceImage(store, doctoredVersion: IndexParts.FormatVersion + 1);

        var (_, _, parts) = StoredImage(store);
        Assert.Null(parts);
        Assert.Equal(IndexDescription.Describe(new KnowledgeIndex(Real)), IndexDescription.Describe(store.LoadIndex()));
    }

    [Fact]
    public void An_image_of_other_knowledge_is_not_read_for_its_parts_either()
    {
        var store = Imported(Real);
        ReplaceImage(store, doctoredVersion: IndexParts.FormatVersion);
        // As if the tables had been imported anew and the image not yet written: it is of the previous knowledge.
        Execute(store, "UPDATE knowledge_image SET content_hash = 'previous'");

        var index = store.LoadIndex();
        Assert.NotEmpty(index.Attributes.SelectMany(a => a.GivenBy));
        Assert.False(index.IsFiller("кластер"));
        Assert.Equal(IndexDescription.Describe(new KnowledgeIndex(Real)), IndexDescription.Describe(index));
    }

    [Fact]
    public void An_image_written_before_the_parts_were_kept_still_gives_its_knowledge()
    {
        var store = Imported(Real);
        var (knowledge, stems, _) = StoredImage(store);
        SetImage(store, KnowledgeImage.Write(knowledge, stems, parts: null));

        var (read, _, parts) = StoredImage(store);
        Assert.Null(parts);
        Assert.Equal(knowledge.Facts.Select(f => f.Id), read.Facts.Select(f => f.Id));
        Assert.Equal(IndexDescription.Describe(new KnowledgeIndex(Real)), IndexDescription.Describe(store.LoadIndex()));
    }

    private KnowledgeStore Imported(KnowledgeBase kb)
    {
        var store = new KnowledgeStore(new SqliteDatabase(_temp.File("store.db")));
        store.Import(kb);
        return store;
    }

    /// <summary>Writes over the stored image one whose index parts are doctored, under the given version of the parts.</summary>
    private static void ReplaceImage(KnowledgeStore store, int doctoredVersion)
    {
        var (knowledge, stems, parts) = StoredImage(store);
        Assert.NotNull(parts);
        var doctored = parts with
        {
            Attributes = [.. parts.Attributes.Select(a => a with { GivenBy = [], AmountGivenBy = [] })],
            Fillers = ["кластер"],
        };
        SetImage(store, KnowledgeImage.Write(knowledge, stems, doctored, doctoredVersion));
    }

    private static (KnowledgeBase Knowledge, Dictionary<string, DocumentStems> Stems, IndexParts? Parts) StoredImage(KnowledgeStore store)
    {
        using var c = store.Database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "SELECT image FROM knowledge_image";
        var image = KnowledgeImage.Read((byte[])command.ExecuteScalar()!);
        Assert.NotNull(image);
        return image.Value;
    }

    private static void SetImage(KnowledgeStore store, byte[] image)
    {
        using var c = store.Database.Open();
        using var command = c.CreateCommand();
        command.CommandText = "UPDATE knowledge_image SET image = $image";
        command.Parameters.Add("$image", SqliteType.Blob).Value = image;
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private static void Execute(KnowledgeStore store, string sql)
    {
        using var c = store.Database.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Describe(IndexedAttributeParts a) =>
        string.Join(";", a.Words.Select(w => string.Join(" ", w))) + "|" + string.Join(",", a.GivenBy) + "|" + string.Join(",", a.AmountGivenBy);
}
