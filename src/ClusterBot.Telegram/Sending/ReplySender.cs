using ClusterBot.Telegram.Pipeline;
using ClusterBot.Telegram.Rendering;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ClusterBot.Telegram.Sending;

/// <summary>
/// Where a reply goes: the chat, whether it is a group, the message it answers (groups only) and the forum
/// topic the question was asked in, if any.
/// </summary>
public sealed record ReplyTarget(long ChatId, bool IsGroup, int? ReplyToMessageId, int? ThreadId = null);

/// <summary>
/// Sends a rendered reply: each message waits for its turn under the flood limits, goes out in HTML with
/// link previews off, in the question's forum topic, and in a group the first one quotes the question so
/// the thread stays readable. Two refusals are acted on rather than lost: a quote of a deleted question is
/// dropped (the topic id still places the reply), and a group upgraded to a supergroup is followed to its
/// new id.
/// </summary>
public sealed class ReplySender(ITelegramBotClient bot, BotApiCaller caller, OutboundRateLimiter limiter, ChatMigration migration)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    public async Task SendAsync(ReplyTarget target, RenderedReply reply, CancellationToken cancellationToken)
    {
        for (var i = 0; i < reply.Messages.Count; i++)
        {
            var first = i == 0;
            var last = i == reply.Messages.Count - 1;
            var quote = first && target.IsGroup ? target.ReplyToMessageId : null;
            target = await SendOneAsync(target, reply.Messages[i], quote, last ? reply.Keyboard : null, cancellationToken);
        }
    }

    /// <summary>Sends one message; returns the target as it stands after it (a new id once the group was upgraded).</summary>
    private async Task<ReplyTarget> SendOneAsync(ReplyTarget target, string text, int? quote, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var followed = false;
        while (true)
        {
            try
            {
                await SendAsync(target, text, quote, keyboard, cancellationToken);
                return target;
            }
            catch (DeliveryFailedException e) when (!followed && e.MigratedTo is { } supergroup && supergroup != target.ChatId)
            {
                followed = true;
                migration.Moved(target.ChatId, supergroup);
                // Message ids are the supergroup's own after the upgrade: the old one would quote a stranger.
                target = target with { ChatId = supergroup, ReplyToMessageId = null };
                quote = null;
            }
            catch (DeliveryFailedException e) when (quote is not null && e.QuotedMessageMissing)
            {
                quote = null;
            }
        }
    }

    private async Task SendAsync(ReplyTarget target, string text, int? quote, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        var replyTo = quote is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
        await limiter.WaitForTurnAsync(target.ChatId, target.IsGroup, cancellationToken);
        await caller.CallAsync("sendMessage", ct => bot.SendMessage(
            target.ChatId,
            text,
            parseMode: ParseMode.Html,
            replyParameters: replyTo,
            replyMarkup: keyboard,
            linkPreviewOptions: NoPreview,
            messageThreadId: target.ThreadId,
            cancellationToken: ct), cancellationToken);
    }
}
