using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>How a question's words are read against the paper's vocabulary.</summary>
public sealed class QueryAnalyserTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    [Theory]
    [InlineData("кто спланировал программу маяк", "планировали")]
    [InlineData("как спланировали программу маяк", "планировали")]
    public void A_verb_with_another_aspects_prefix_is_the_verb_the_paper_uses(string question, string paperWord)
    {
        var term = Assert.Single(QueryAnalyser.Analyse(question, kb.Index).Terms, t => t.Stem.StartsWith("спланир", StringComparison.Ordinal));
        Assert.True(term.Known);
        Assert.Contains(WordStemmer.Stem(paperWord), term.Matches);
    }

    [Fact]
    public void A_prefix_is_not_stripped_from_a_word_the_paper_uses_itself()
    {
        var term = Assert.Single(QueryAnalyser.Analyse("программу маяк планировали", kb.Index).Terms, t => t.Stem == WordStemmer.Stem("планировали"));
        Assert.DoesNotContain(term.Matches, m => m.StartsWith('с'));
    }
}
