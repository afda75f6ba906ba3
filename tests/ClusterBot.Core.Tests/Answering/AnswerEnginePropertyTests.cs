using ClusterBot.Core.Answering;
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
}
