using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Text;

public class ScriptTests
{
    [Theory]
    [InlineData("сколько кластеров", Lang.Ru)]
    [InlineData("how many clusters", Lang.En)]
    [InlineData("что такое TORCH", Lang.Ru)]
    [InlineData("what is Факел", Lang.En)]
    [InlineData("Что такое go-cluster?", Lang.Ru)]
    [InlineData("Что такое Bayern Innovativ?", Lang.Ru)]
    [InlineData("What is Zentrum Digitalisierung Bayern", Lang.En)]
    public void Detect_uses_the_dominant_alphabet(string text, Lang expected) => Assert.Equal(expected, Script.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("2012?")]
    [InlineData("🤖🤖")]
    public void Detect_returns_null_without_letters(string text) => Assert.Null(Script.Detect(text));
}
