using System.Text;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Study;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Study;

/// <summary>
/// Study mode on Discord. A quiz: the question as a message with one button per option and a tally line; a press
/// answers it for the presser only (an ephemeral verdict with the explanation) and updates the tally everyone sees.
/// A timeline: the picture as an attachment under its title and source.
/// </summary>
public sealed class DiscordStudy(QuizDesk desk, IDiscordRest rest, LanguagePolicy languages, Microsoft.Extensions.Options.IOptions<DiscordOptions> options, ITimelinePainter? painter = null)
{
    private const int MaxButtonLabelLength = 80;

    /// <summary>The reply as Discord shows it: a quiz opened in the store under a fresh key, or any other reply as usual.</summary>
    internal RenderedReply Render(Reply reply, string channelId)
    {
        if (reply.Timeline is { } timeline && painter?.Paint(timeline) is { } png)
        {
            var caption = $"**{DiscordMarkdown.Escape(timeline.Title)}**\n*{DiscordMarkdown.Escape(timeline.Source)}*";
            return new RenderedReply([caption], []) { Files = [new UploadFile("timeline.png", "image/png", png)] };
        }

        if (reply.Quiz is not { } quiz) return DiscordReplyRenderer.Render(reply);
        var key = QuizCallback.NewKey();
        desk.Open(DiscordAdapter.Platform, channelId, key, quiz);
        var content = new StringBuilder(DiscordMarkdown.Escape(quiz.Text)).Append("\n\n");
        for (var i = 0; i < quiz.Options.Count; i++) content.Append($"{i + 1}. ").Append(DiscordMarkdown.Escape(quiz.Options[i])).Append('\n');
        content.Append('\n').Append(Tally(quiz.Lang, 0, 0));
        var buttons = quiz.Options.Select((o, i) => new ButtonComponent(Label($"{i + 1}. {o}"), QuizCallback.Data(key, i))).ToList();
        return new RenderedReply([content.ToString()], [new ActionRowComponent(buttons)]);
    }

    /// <summary>A press of an answer button: the tally updated on the message (type 7), the verdict to the presser alone.</summary>
    internal async Task<ConversationOutcome> AnswerAsync(InboundInteraction press, string key, int option, CancellationToken cancellationToken)
    {
        var verdict = press.UserId is { } userId ? desk.Answer(DiscordAdapter.Platform, key, userId, press.UserName ?? userId, option) : null;
        if (verdict is null)
        {
            var closed = new MessagePayload(QuizText.Expired[LangOf(press)], AllowedMentions.None, Flags: MessagePayload.Ephemeral);
            await rest.CreateInteractionResponseAsync(press.Id, press.Token, new InteractionCallback(InteractionCallback.ChannelMessageWithSource, closed), cancellationToken);
            return ConversationOutcome.Ignored;
        }

        var (answered, right) = desk.Tally(verdict.Quiz);
        var content = WithTally(press.MessageContent ?? "", Tally(verdict.Quiz.Lang, answered, right));
        // Components are left out of the update, so the buttons stay as they are.
        await rest.CreateInteractionResponseAsync(press.Id, press.Token,
            new InteractionCallback(InteractionCallback.UpdateMessage, new MessagePayload(content, AllowedMentions.None)), cancellationToken);
        await rest.CreateFollowupMessageAsync(options.Value.ApplicationId, press.Token,
            new MessagePayload(DiscordMarkdown.Escape(verdict.Text), AllowedMentions.None, Flags: MessagePayload.Ephemeral), cancellationToken);
        return verdict.Counted ? ConversationOutcome.Sent : ConversationOutcome.Duplicate;
    }

    /// <summary>The tally line, set apart in italics as the last line of the question's message.</summary>
    private static string Tally(Core.Knowledge.Lang lang, int answered, int right) => $"*{QuizText.Tally(answered, right)[lang]}*";

    private static string WithTally(string content, string tally)
    {
        var cut = content.LastIndexOf("\n\n", StringComparison.Ordinal);
        return (cut < 0 ? content : content[..cut]) + "\n\n" + tally;
    }

    private Core.Knowledge.Lang LangOf(InboundInteraction press) => languages.ForWords(DiscordAdapter.Platform, press.ChannelId, press.Locale);

    private static string Label(string text) => text.Length <= MaxButtonLabelLength ? text : text[..(MaxButtonLabelLength - 1)] + "…";
}
