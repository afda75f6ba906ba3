using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Core.Tests.Answering;

namespace ClusterBot.Core.Tests.Study;

/// <summary>/quiz, /score and /timeline through the engine, as every front end reaches them.</summary>
public sealed class StudyCommandTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private Reply Ask(string text, string? chatId = null) => fixture.Engine.Answer(new Question(text, UserLanguage: "en", ChatId: chatId));

    [Fact]
    public void Quiz_carries_its_question_and_shows_it_as_numbered_options()
    {
        var reply = Ask("/quiz gii");
        var quiz = Assert.IsType<QuizQuestion>(reply.Quiz);
        Assert.True(reply.Answered);
        var options = Assert.Single(reply.Blocks.OfType<BulletList>());
        Assert.True(options.Numbered);
        Assert.Equal(quiz.Options, options.Items);
        Assert.Equal("gii", fixture.Index.RootOf(quiz.About[0])!.Id);
        // The answer is not given away before it is asked for.
        Assert.Empty(reply.FactIds);
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public void An_unknown_topic_lists_the_topics_and_no_question()
    {
        var reply = Ask("/quiz atlantis");
        Assert.Equal(ReplyOutcome.Invalid, reply.Outcome);
        Assert.Null(reply.Quiz);
        Assert.Contains("korea", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_without_a_store_says_where_scores_are_kept()
    {
        var reply = Ask("/score", chatId: "-1");
        Assert.Equal(QuizText.NoScoreHere[Lang.En], reply.ToPlainText());
    }

    [Fact]
    public void Timeline_gives_the_periods_as_text_with_the_picture_attached_and_says_so_where_the_paper_gives_none()
    {
        var korea = Ask("/timeline korea");
        var timeline = Assert.IsType<Timeline>(korea.Timeline);
        Assert.Contains("Growth phase — 2010–2012", korea.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains(timeline.Lanes, l => l.Name == "Industrial Complex Cluster Program" && l.Periods.Count == 3);
        Assert.Equal(2004, timeline.From);
        Assert.Contains("§2.2", korea.Citations.Single().Text, StringComparison.Ordinal);

        var china = Ask("/timeline china");
        Assert.Null(china.Timeline);
        Assert.Equal(ReplyOutcome.NotFound, china.Outcome);
    }

    [Fact]
    public void The_new_commands_are_in_help()
    {
        var help = Ask("/help").ToPlainText();
        Assert.Contains("/quiz [topic]", help, StringComparison.Ordinal);
        Assert.Contains("/score [me]", help, StringComparison.Ordinal);
        Assert.Contains("/timeline <country or programme>", help, StringComparison.Ordinal);
    }
}
