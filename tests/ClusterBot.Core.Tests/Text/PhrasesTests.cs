using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public sealed class PhrasesTests
{
    private static readonly string[] Sequence = ["at", "present", "the", "work"];

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(-1, false)]
    public void A_phrase_starts_at_a_position_only_where_all_its_words_follow(int start, bool expected)
    {
        Assert.Equal(expected, Phrases.StartsAt(Sequence, start, ["at", "present"]));
    }

    [Fact]
    public void Starts_are_every_position_the_phrase_stands_at()
    {
        Assert.Equal([0, 2], Phrases.StartsOf(["a", "b", "a", "b"], ["a", "b"]));
        Assert.False(Phrases.Contains(Sequence, ["present", "at"]));
    }
}
