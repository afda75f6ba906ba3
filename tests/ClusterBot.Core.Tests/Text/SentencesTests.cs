using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public class SentencesTests
{
    [Fact]
    public void A_stop_before_a_capital_ends_a_sentence()
    {
        Assert.Equal(["Harbours grew.", "Piers followed!", "Why?", "Nobody knows."],
            Sentences.Of("Harbours grew. Piers followed! Why? Nobody knows."));
    }

    [Fact]
    public void A_stop_inside_quotation_marks_ends_no_sentence()
    {
        Assert.Equal(["The contest 'More piers. More ships' is the flagship.", "It ran twice."],
            Sentences.Of("The contest 'More piers. More ships' is the flagship. It ran twice."));
        Assert.Equal(["Конкурс «Больше пирсов. Больше судов» — флагман.", "Он прошёл дважды."],
            Sentences.Of("Конкурс «Больше пирсов. Больше судов» — флагман. Он прошёл дважды."));
    }

    [Fact]
    public void A_quotation_that_ends_with_a_stop_ends_the_sentence_after_its_closing_mark()
    {
        Assert.Equal(["Its motto is 'More piers.'", "It ran twice."], Sentences.Of("Its motto is 'More piers.' It ran twice."));
        Assert.Equal(["Девиз — «Больше пирсов.»", "Он прошёл дважды."], Sentences.Of("Девиз — «Больше пирсов.» Он прошёл дважды."));
    }

    [Fact]
    public void An_apostrophe_opens_no_quotation()
    {
        Assert.Equal(["Freedonia's piers grew.", "The divers' union agreed."], Sentences.Of("Freedonia's piers grew. The divers' union agreed."));
    }

    [Fact]
    public void An_abbreviation_before_a_small_letter_and_an_item_number_end_no_sentence()
    {
        Assert.Equal(["В 2004–2009 гг. и позже порты росли."], Sentences.Of("В 2004–2009 гг. и позже порты росли."));
        Assert.Equal(["The top three since 2021: 1. Port Ellis, 2. Marvilia.", "Nothing changed."],
            Sentences.Of("The top three since 2021: 1. Port Ellis, 2. Marvilia. Nothing changed."));
        Assert.Equal(["It costs 3.6 million."], Sentences.Of("It costs 3.6 million."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_text_has_no_sentences(string? text) => Assert.Empty(Sentences.Of(text));
}
