using ClusterBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Sending;

/// <summary>Where a reply goes: the chat, whether it is a group, and the message it answers (groups only).</summary>
public sealed record ReplyTarget(long ChatId, bool IsGroup, int? ReplyToMessageId);

/// <summary>
/// Sends a rendered reply: each message waits for its turn under the flood limits, goes out in HTML with
/// link previews off, and in a group the first one quotes the question so the thread stays readable.
/// </summary>
public sealed class ReplySender(ITelegramBotClient bot, BotApiCaller caller, OutboundRateLimiter limiter)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public async Task SendAsync(ReplyTarget target, RenderedReply reply, CancellationToken cancellationToken)
    {
        for (var i = 0; i < reply.Messages.Count; i++)
        {
            var first = i == 0;
            var last = i == reply.Messages.Count - 1;
            var replyTo = first && target.IsGroup && target.ReplyToMessageId is { } id
                ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true }
                : null;
            var text = reply.Messages[i];
            await limiter.WaitForTurnAsync(target.ChatId, target.IsGroup, cancellationToken);
            await caller.CallAsync("sendMessage", ct => bot.SendMessage(
                target.ChatId,
                text,
                parseMode: ParseMode.Html,
                replyParameters: replyTo,
                replyMarkup: last ? reply.Keyboard : null,
                linkPreviewOptions: NoPreview,
                cancellationToken: ct), cancellationToken);
        }
    }
}
