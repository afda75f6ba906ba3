using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

public class IntentDetectorTests
{
    [Theory]
    [InlineData("Сколько кластеров было в Корее к 2012?", Intent.Count)]
    [InlineData("How many participants?", Intent.Count)]
    [InlineData("what did the port authority do besides raising the number of piers", Intent.Definition)]
    [InlineData("что делали власти кроме увеличения числа портов", Intent.None)]
    [InlineData("which ports lead by the number of ships", Intent.Count)]
    [InlineData("what is the number of piers", Intent.Count)]
    [InlineData("Когда проходил конкурс?", Intent.When)]
    [InlineData("In which year did it start?", Intent.When)]
    [InlineData("Какие три принципа?", Intent.List)]
    [InlineData("What characterizes the pier phase?", Intent.Definition)]
    [InlineData("Объясните разницу между двумя частями программы", Intent.Compare)]
    [InlineData("the beacon programme — what year was it implemented?", Intent.When)]
    [InlineData("ГИИ расшифруйте", Intent.Definition)]
    [InlineData("what does GII stand for", Intent.Definition)]
    [InlineData("12 — what does it refer to in the beacon part", Intent.Definition)]
    [InlineData("the GII abbreviation in the paper", Intent.Definition)]
    [InlineData("Which ministries support clusters?", Intent.List)]
    [InlineData("Что такое TORCH?", Intent.Definition)]
    [InlineData("compare germany and korea", Intent.Compare)]
    [InlineData("кластеры баварии", Intent.None)]
    [InlineData("после какого года кластеры работают сами", Intent.When)]
    [InlineData("в каких годах шёл второй этап", Intent.When)]
    [InlineData("как можно охарактеризовать фазу роста", Intent.Definition)]
    [InlineData("опишите программу", Intent.Definition)]
    [InlineData("в каком точно году запустили программу", Intent.When)]
    [InlineData("what exact year did it start", Intent.When)]
    [InlineData("what is the number of clusters", Intent.Count)]
    [InlineData("what do the states take into account when scaling clusters", Intent.Definition)]
    [InlineData("что учитывают земли, когда расширяют кластеры", Intent.None)]
    [InlineData("когда запустили программу", Intent.When)]
    [InlineData("ГИИ это что", Intent.Definition)]
    [InlineData("растет ли число кластеров в китае", Intent.None)]
    [InlineData("did the phase focus on the number of clusters", Intent.None)]
    [InlineData("does closeness matter when choosing a place", Intent.None)]
    [InlineData("с какого времени в китае формируются кластеры", Intent.When)]
    [InlineData("which regions have the largest number of clusters", Intent.List)]
    [InlineData("где наибольшее количество кластеров", Intent.None)]
    [InlineData("в каких регионах самое большое число кластеров", Intent.List)]
    public void Detect_reads_the_question_word(string question, Intent expected) =>
        Assert.Equal(expected, IntentDetector.Detect(TextNormaliser.Tokenise(question)));

    [Fact]
    public void A_misspelt_question_word_still_sets_the_intent()
    {
        var index = new ClusterBot.Core.Answering.KnowledgeIndex(ClusterBot.Core.Knowledge.KnowledgeYamlReader.ReadFolder(ClusterBot.Testing.RepoPaths.Knowledge));
        Assert.Equal(Intent.Count, QueryAnalyser.Analyse("сколко кластеров в корее", index).Intent);
        Assert.Equal(Intent.List, QueryAnalyser.Analyse("wich ministries support clusters", index).Intent);
    }
}
