using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Study;

/// <summary>Picks a question on a topic and shuffles its options; the same seed deals the same question.</summary>
public static class QuizDealer
{
    /// <summary>The questions on a topic (a country, programme or topic and everything under it); all of them for none.</summary>
    public static IReadOnlyList<QuizQuestion> On(KnowledgeIndex index, Entity? topic, Lang lang) =>
        QuizGenerator.All(index, lang).Where(q => topic is null ||
            // "Which country is this?" asked within one country's topic would answer itself.
            q.Kind != QuizKind.Owner && q.About.Any(id => index.Lineage(id).Any(e => e.Id == topic.Id))).ToList();

    public static QuizQuestion? Deal(KnowledgeIndex index, Entity? topic, Lang lang, int seed)
    {
        var questions = On(index, topic, lang);
        if (questions.Count == 0) return null;
        var random = new Random(seed);
        return Shuffle(questions[random.Next(questions.Count)], random);
    }

    public static QuizQuestion Shuffle(QuizQuestion question, Random random)
    {
        var order = Enumerable.Range(0, question.Options.Count).ToArray();
        random.Shuffle(order);
        return question with { Options = order.Select(i => question.Options[i]).ToList(), Correct = Array.IndexOf(order, question.Correct) };
    }

    /// <summary>What a topic argument names: an id, a name or alias, or an entity the words name; null when none.</summary>
    public static Entity? Topic(KnowledgeIndex index, string argument)
    {
        if (index.FindEntity(argument.Trim().ToLowerInvariant()) is { } byId) return byId;
        var needle = TextNormaliser.Normalise(argument);
        return index.Entities.FirstOrDefault(e => KnowledgeValidator.AliasesOf(e).Any(a => TextNormaliser.Normalise(a) == needle))
            ?? QueryAnalyser.Analyse(argument, index).EntityIds.Select(index.FindEntity).OfType<Entity>().FirstOrDefault();
    }
}
