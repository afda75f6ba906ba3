using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public class WordStemmerTests
{
    [Theory]
    [InlineData("корея", "корее")]
    [InlineData("корея", "корею")]
    [InlineData("кластеры", "кластеров")]
    [InlineData("бавария", "баварии")]
    [InlineData("clusters", "cluster")]
    [InlineData("programmes", "programme")]
    [InlineData("authorities", "authority")]
    [InlineData("organizations", "organisation")]
    public void Inflected_forms_share_a_stem(string a, string b) =>
        Assert.Equal(WordStemmer.Stem(a), WordStemmer.Stem(b));

    [Theory]
    [InlineData("корея", "китай")]
    [InlineData("germany", "korea")]
    [InlineData("authorities", "authors")]
    [InlineData("universal", "universities")]
    [InlineData("organization", "organ")]
    public void Different_words_keep_different_stems(string a, string b) =>
        Assert.NotEqual(WordStemmer.Stem(a), WordStemmer.Stem(b));

    [Fact]
    public void Numbers_and_short_tokens_are_left_alone()
    {
        Assert.Equal("2012", WordStemmer.Stem("2012"));
        Assert.Equal("5g", WordStemmer.Stem("5g"));
    }

    [Fact]
    public void Stemming_is_safe_across_threads()
    {
        var words = Enumerable.Repeat(new[] { "кластеров", "clusters", "корее", "programmes" }, 500).SelectMany(w => w).ToArray();
        var expected = words.Select(WordStemmer.Stem).ToArray();
        var actual = new string[words.Length];
        Parallel.For(0, words.Length, i => actual[i] = WordStemmer.Stem(words[i]));
        Assert.Equal(expected, actual);
    }
}
