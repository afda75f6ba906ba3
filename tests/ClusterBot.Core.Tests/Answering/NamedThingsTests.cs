using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>A question that names a country and a topic asks of the two together: the topic alone does not answer it.</summary>
public sealed class NamedThingsTests(SmallKnowledgeWithTopic kb) : IClassFixture<SmallKnowledgeWithTopic>
{
    [Theory]
    [InlineData("which freedonian harbour ranks highest in the harbour index?")]
    [InlineData("какая гавань фридонии выше всех в индексе гаваней?")]
    public void A_topics_fact_that_does_not_speak_of_the_country_named_is_not_its_answer(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.DoesNotContain("harbour-index-top", reply.FactIds);
        Assert.Contains(reply.Lang == Lang.Ru ? "Фридония" : "Freedonia", reply.ToPlainText());
    }

    [Theory]
    [InlineData("what cluster policy does austin of the harbour index have?")]
    [InlineData("какая кластерная политика у остина из индекса гаваней?")]
    public void The_policy_of_a_place_the_paper_only_mentions_is_outside_it(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Equal(ReplyOutcome.OutOfScope, reply.Outcome);
    }

    [Fact]
    public void The_topic_alone_is_answered()
    {
        var reply = kb.Ask("which harbour ranks highest in the harbour index?");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(reply.FactIds, id => id.StartsWith("harbour-index", StringComparison.Ordinal));
    }
}
