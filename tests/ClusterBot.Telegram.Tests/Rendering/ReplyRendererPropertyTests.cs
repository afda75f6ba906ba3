using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Testing;
using ClusterBot.Testing.Telegram;
using CsCheck;

namespace ClusterBot.Telegram.Tests.Rendering;

/// <summary>
/// Whatever text a reply carries — a student's words echoed back, a curator's fact — every message rendered for
/// Telegram is valid Telegram HTML, non-empty and within 4096 characters, and every button fits in 64 bytes.
/// </summary>
public class ReplyRendererPropertyTests
{
    private readonly ReplyRenderer _renderer = new(new FollowUpKeyboard());

    private static readonly Gen<Reply> Replies =
        Gen.Select(AdversarialText.Gen, AdversarialText.Gen, AdversarialText.Gen.Array[0, 5], AdversarialText.Gen, Gen.Int[0, 30])
            .Select((heading, paragraph, items, citation, repeat) => new Reply(
                Lang.Ru,
                ReplyOutcome.Answered,
                [new Heading(heading), new Paragraph(string.Concat(Enumerable.Repeat(paragraph + "\n\n", repeat + 1))), new BulletList(items)],
                [new Citation("2.2", [6], citation)],
                [],
                [new FollowUp(heading, "/fact kr-growth-193"), new FollowUp(citation, "/country korea")]));

    [Fact]
    public void Every_rendered_message_is_valid_bounded_html()
    {
        Replies.Sample(reply =>
        {
            var rendered = _renderer.Render(reply);
            return rendered.Messages.Count > 0
                   && rendered.Messages.All(m => m.Trim().Length > 0 && m.Length <= ReplyRenderer.MaxMessageLength && TelegramHtmlValidator.Problem(m) is null)
                   && (rendered.Keyboard?.InlineKeyboard.SelectMany(row => row).All(b => System.Text.Encoding.UTF8.GetByteCount(b.CallbackData ?? "") <= 64) ?? true);
        }, iter: 1500);
    }
}
