using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>An index assembled from the parts a build worked out is that build, and is assembled from them, not built again.</summary>
public sealed class KnowledgeIndexPartsTests(EngineFixture real) : IClassFixture<EngineFixture>
{
    [Fact]
    public void An_index_from_the_parts_of_a_build_of_the_real_knowledge_is_that_build()
    {
        var kb = real.Index.Knowledge;
        var (built, parts) = KnowledgeIndex.BuildWithParts(kb);

        Assert.Equal(IndexDescription.Describe(real.Index), IndexDescription.Describe(built));
        Assert.Equal(IndexDescription.Describe(built), IndexDescription.Describe(KnowledgeIndex.FromParts(kb, null, parts)));
    }

    [Fact]
    public void An_index_from_the_parts_of_a_build_of_a_small_knowledge_is_that_build()
    {
        using var small = new SmallKnowledgeWithRanking();
        var kb = small.Index.Knowledge;
        var restored = KnowledgeIndex.FromParts(kb, null, KnowledgeIndex.BuildWithParts(kb).Parts);

        Assert.Equal(IndexDescription.Describe(small.Index), IndexDescription.Describe(restored));
        var questions = kb.Facts.Select(f => f.Text.Ru).Concat(kb.Facts.Select(f => f.Text.En)).Concat(["сколько стоит маяк?", "when did beacon start"]);
        Assert.Equal(IndexDescription.Answers(small.Index, questions), IndexDescription.Answers(restored, questions));
    }

    [Fact]
    public void The_index_is_assembled_from_the_parts_given_not_worked_out_again()
    {
        var kb = real.Index.Knowledge;
        var parts = KnowledgeIndex.BuildWithParts(kb).Parts;
        // Parts no build would give: if the index worked them out again, none of this would show.
        var doctored = parts with
        {
            Attributes = [.. parts.Attributes.Select(a => a with { GivenBy = [], AmountGivenBy = [] })],
            Fillers = ["кластер"],
            Postings = [.. parts.Postings.Where(p => p.Stem != "кластер")],
        };

        var index = KnowledgeIndex.FromParts(kb, null, doctored);
        Assert.All(index.Attributes, a => Assert.Empty(a.GivenBy));
        Assert.True(index.IsFiller("кластер"));
        Assert.False(index.IsKnownStem("кластер"));
        Assert.True(real.Index.IsKnownStem("кластер"));
    }

    [Fact]
    public void Parts_of_other_knowledge_are_not_used()
    {
        using var small = new SmallKnowledgeWithRanking();
        var kb = real.Index.Knowledge;

        var index = KnowledgeIndex.FromParts(kb, null, KnowledgeIndex.BuildWithParts(small.Index.Knowledge).Parts);
        Assert.Equal(IndexDescription.Describe(real.Index), IndexDescription.Describe(index));
    }
}
