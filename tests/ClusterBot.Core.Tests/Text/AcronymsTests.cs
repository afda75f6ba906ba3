using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public class AcronymsTests
{
    [Theory]
    [InlineData("How does the US government support IT clusters?", "it us")]
    [InlineData("tell us about it", "")]
    [InlineData("IS IT TRUE THAT THE US LEADS?", "")]
    [InlineData("Is OECD data used?", "")]
    public void Function_words_written_as_acronyms_are_found_unless_the_whole_text_shouts(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', Acronyms.StopWordsIn(text).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Content_tokens_keep_acronyms_and_drop_the_same_words_in_lower_case()
    {
        Assert.Equal(["regional", "it", "clusters"], Acronyms.ContentTokens("the regional IT clusters"));
        Assert.Equal(["clusters"], Acronyms.ContentTokens("it has clusters"));
    }
}
