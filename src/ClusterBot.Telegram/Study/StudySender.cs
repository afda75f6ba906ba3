using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Study;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Study;

/// <summary>
/// Replies that Telegram shows natively: a /quiz question as a quiz poll (not anonymous, so each answer arrives as
/// a poll_answer and is scored), a /timeline as a photo with its caption. Anything else is left to the text sender.
/// </summary>
public sealed class StudySender(ITelegramBotClient bot, BotApiCaller caller, OutboundRateLimiter limiter, QuizDesk desk, ITimelinePainter? painter = null)
{
    /// <summary>sendPhoto: a caption of at most 1024 characters.</summary>
    public const int MaxCaptionLength = 1024;

    /// <summary>True when the reply was sent here; false leaves it to the text sender.</summary>
    public async Task<bool> TrySendAsync(ReplyTarget target, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Quiz is { } quiz)
        {
            await SendQuizAsync(target, quiz, cancellationToken);
            return true;
        }

        if (reply.Timeline is { } timeline && painter?.Paint(timeline) is { } png)
        {
            await SendPictureAsync(target, timeline, png, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task SendQuizAsync(ReplyTarget target, QuizQuestion quiz, CancellationToken cancellationToken)
    {
        await limiter.WaitForTurnAsync(target.ChatId, target.IsGroup, cancellationToken);
        var sent = await caller.CallAsync("sendPoll", ct => bot.SendPoll(
            target.ChatId,
            quiz.Text,
            quiz.Options.Select(o => new InputPollOption(o)),
            isAnonymous: false,
            type: PollType.Quiz,
            correctOptionIds: [quiz.Correct],
            explanation: quiz.ShortExplanation,
            replyParameters: ReplyTo(target),
            cancellationToken: ct), cancellationToken);
        // A poll_answer names the poll, not the chat: the poll's id is the handle the answers are found by.
        if (sent.Poll is { } poll)
        {
            desk.Open("telegram", target.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture), poll.Id, quiz);
        }
    }

    private async Task SendPictureAsync(ReplyTarget target, Timeline timeline, byte[] png, CancellationToken cancellationToken)
    {
        var caption = TelegramHtml.Bold(timeline.Title) + "\n" + TelegramHtml.Italic(timeline.Source);
        if (caption.Length > MaxCaptionLength) caption = TelegramHtml.Escape(timeline.Title[..Math.Min(timeline.Title.Length, MaxCaptionLength - 10)]);
        await limiter.WaitForTurnAsync(target.ChatId, target.IsGroup, cancellationToken);
        // A new stream for every attempt: a retried upload must send the whole picture again.
        await caller.CallAsync("sendPhoto", ct => bot.SendPhoto(
            target.ChatId,
            InputFile.FromStream(new MemoryStream(png, writable: false), "timeline.png"),
            caption: caption,
            parseMode: ParseMode.Html,
            replyParameters: ReplyTo(target),
            cancellationToken: ct), cancellationToken);
    }

    private static ReplyParameters? ReplyTo(ReplyTarget target) =>
        target.IsGroup && target.ReplyToMessageId is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
}
