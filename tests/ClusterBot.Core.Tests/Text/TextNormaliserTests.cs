using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public class TextNormaliserTests
{
    [Theory]
    [InlineData("Сколько кластеров в КОРЕЕ?!", "сколько кластеров в корее")]
    [InlineData("Ёлка, ёж", "елка еж")]
    [InlineData("go-cluster & Leading-Edge", "go cluster leading edge")]
    [InlineData("бюджет 3,6 млн", "бюджет 3.6 млн")]
    [InlineData("около 7 300 участников", "около 7300 участников")]
    [InlineData("2010–2012", "2010 2012")]
    [InlineData("'; DROP TABLE facts; --", "drop table facts")]
    [InlineData("\"torch AND OR NEAR(", "torch and or near")]
    [InlineData("🤖🤖🤖", "")]
    public void Normalise_folds_case_punctuation_and_keeps_numbers_whole(string input, string expected) =>
        Assert.Equal(expected, TextNormaliser.Normalise(input));

    [Theory]
    [InlineData("Ко\u200Bрея")]
    [InlineData("Ко\u200Cрея")]
    [InlineData("Ко\u200Dрея")]
    [InlineData("Ко\u2060рея")]
    [InlineData("\uFEFFКо\uFEFFрея")]
    public void Zero_width_characters_inside_a_word_leave_it_whole(string word)
    {
        Assert.Equal(["корея"], TextNormaliser.Tokenise(word));
        Assert.Equal("Корея", TextNormaliser.StripControlCharacters(word));
    }

    [Fact]
    public void StripControlCharacters_replaces_control_and_format_characters()
    {
        Assert.Equal("a b c d", TextNormaliser.StripControlCharacters("a\u0000b\u00ADc\u0007d"));
        Assert.True(TextNormaliser.HasControlCharacters("x\u0001"));
        Assert.False(TextNormaliser.HasControlCharacters("обычный текст\n"));
    }

    [Theory]
    [InlineData("R&D support", new[] { "rd", "support" })]
    [InlineData("M&A", new[] { "ma" })]
    [InlineData("Beacon & Co", new[] { "beacon", "co" })]
    [InlineData("a&bc", new[] { "a", "bc" })]
    public void An_abbreviation_of_two_letters_joined_by_an_ampersand_is_one_token(string text, string[] expected) =>
        Assert.Equal(expected, TextNormaliser.Tokenise(text));
}
