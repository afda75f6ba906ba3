using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;
using ClusterBot.Testing;
using CsCheck;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>
/// Thousands of random and adversarial strings: the engine never throws, and every reply that is not
/// deliberately silent has text, stays well inside the platforms' message limits, and cites what it states.
/// </summary>
public class AnswerEnginePropertyTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const int DiscordLimit = 2000;

    private static readonly Gen<string> Adversarial = AdversarialText.Gen;

    [Fact]
    public void Any_string_gets_a_sane_reply()
    {
        Adversarial.Sample(text =>
        {
            var reply = fixture.Engine.Answer(new Question(text, BotUsername: "ClusterBot"));
            if (reply.Outcome == ReplyOutcome.Ignored) return true;
            var plain = reply.ToPlainText();
            return plain.Trim().Length > 0
                   && plain.Length <= DiscordLimit
                   && (!reply.Answered || reply.FactIds.Count == 0 || reply.Citations.Count > 0)
                   && reply.FollowUps.All(f => System.Text.Encoding.UTF8.GetByteCount(f.Command) <= 64);
        }, iter: 3000);
    }

    [Fact]
    public void Any_string_in_a_group_is_ignored_unless_it_is_a_command_even_a_very_long_one()
    {
        Adversarial.Sample(text =>
        {
            var reply = fixture.Engine.Answer(new Question(text, ChatKind.Group, Addressed: false, BotUsername: "ClusterBot"));
            // What the engine reads as a command (control characters dropped first) may be answered in a group.
            var command = CommandParser.Parse(TextNormaliser.StripControlCharacters(text).Trim()) is not null;
            return reply.Outcome == ReplyOutcome.Ignored || command;
        }, iter: 1000);
        Assert.Equal(ReplyOutcome.Ignored, fixture.Engine.Answer(new Question(new string('x', 5000), ChatKind.Group, Addressed: false)).Outcome);
    }
}
