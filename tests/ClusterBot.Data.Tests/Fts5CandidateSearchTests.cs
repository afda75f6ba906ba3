using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using ClusterBot.Testing;

namespace ClusterBot.Data.Tests;

public sealed class Fts5CandidateSearchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Fts5CandidateSearch _search;

    public Fts5CandidateSearchTests()
    {
        var database = new SqliteDatabase(_temp.File("store.db"));
        new KnowledgeStore(database).Import(KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge));
        _search = new Fts5CandidateSearch(database);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Finds_documents_by_stem_with_the_most_relevant_first()
    {
        var found = _search.Find([WordStemmer.Stem("torch")], 5);
        Assert.Contains("torch", found);
        Assert.True(found.Count <= 5);
    }

    [Fact]
    public void Russian_forms_meet_through_the_stemmer()
    {
        var found = _search.Find([WordStemmer.Stem("общебаварских"), WordStemmer.Stem("платформ")], 10);
        Assert.Contains("by-17-platforms", found);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("torch AND OR")]
    [InlineData("*")]
    [InlineData("names:korea")]
    [InlineData("'; DROP TABLE facts; --")]
    [InlineData("^")]
    public void No_input_can_form_FTS5_syntax(string hostile)
    {
        var found = _search.Find([hostile, "torch"], 10);
        Assert.Contains("torch", found);
    }

    [Fact]
    public void Quote_doubles_inner_quotes() => Assert.Equal("\"a\"\"b\"", Fts5CandidateSearch.Quote("a\"b"));

    [Fact]
    public void No_stems_means_no_query() => Assert.Empty(_search.Find([], 10));
}
