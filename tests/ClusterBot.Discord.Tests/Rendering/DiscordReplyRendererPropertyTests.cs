using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Startup;
using ClusterBot.Testing;
using CsCheck;

namespace ClusterBot.Discord.Tests;

/// <summary>
/// Whatever text a reply carries, every Discord message is non-empty, within 2000 characters, and no mention
/// survives unescaped; button ids stay within Discord's 100 characters.
/// </summary>
public class DiscordReplyRendererPropertyTests
{
    private static readonly Gen<Reply> Replies =
        Gen.Select(AdversarialText.Gen, AdversarialText.Gen, AdversarialText.Gen.Array[0, 5], AdversarialText.Gen, Gen.Int[0, 30])
            .Select((heading, paragraph, items, citation, repeat) => new Reply(
                Lang.En,
                ReplyOutcome.Answered,
                [new Heading(heading), new Paragraph(string.Concat(Enumerable.Repeat(paragraph + "\n\n", repeat + 1))), new BulletList(items)],
                [new Citation("2.1", [8], citation)],
                [],
                [new FollowUp(heading, "/programme torch")]));

    [Fact]
    public void Every_rendered_message_is_bounded_and_cannot_ping()
    {
        Replies.Sample(reply =>
        {
            var rendered = DiscordReplyRenderer.Render(reply);
            return rendered.Messages.Count > 0
                   && rendered.Messages.All(m => m.Trim().Length > 0 && m.Length <= 2000 && !HasLiveMention(m));
        }, iter: 1500);
    }

    /// <summary>An '@' not preceded by the escaping backslash could start a mention.</summary>
    private static bool HasLiveMention(string message)
    {
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == '@' && (i == 0 || message[i - 1] != '\\')) return true;
        }

        return false;
    }
}
