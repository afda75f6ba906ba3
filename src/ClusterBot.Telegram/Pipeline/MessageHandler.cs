using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Study;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// A chat message, translated: in a private chat every text is addressed to the bot; in a group only a command, a
/// mention or a reply to the bot is (the core ignores the rest). Non-text messages get a one-line hint in private chats
/// and silence in groups. The reply is rendered as HTML (or a quiz poll, a picture) and sent back to the message.
/// </summary>
public sealed class MessageHandler(
    ConversationPipeline conversations,
    TelegramConversations telegram,
    ChatMigration migration,
    BotIdentity identity,
    ReplyRenderer renderer,
    ReplySender sender,
    StudySender study)
{
    /// <summary>Content a person sends on purpose; service messages (joins, pins, titles) are not among them.</summary>
    private static readonly HashSet<MessageType> UserContent =
    [
        MessageType.Photo, MessageType.Sticker, MessageType.Video, MessageType.Voice, MessageType.Audio, MessageType.Document,
        MessageType.Animation, MessageType.VideoNote, MessageType.Location, MessageType.Contact, MessageType.Poll, MessageType.Dice,
        MessageType.Venue,
    ];

    public Task<ConversationOutcome> HandleAsync(int updateId, Message message, CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        if (chat.Type is not (ChatType.Private or ChatType.Group or ChatType.Supergroup)) return Ignored;
        if (message.MigrateToChatId is { } upgradedTo)
        {
            migration.Moved(chat.Id, upgradedTo);
            return Ignored;
        }

        if (message.MigrateFromChatId is { } upgradedFrom)
        {
            migration.Moved(upgradedFrom, chat.Id);
            return Ignored;
        }

        // Never talk to bots (no loops) nor answer our own inline results posted in a chat.
        if (message.From is { IsBot: true } || message.ViaBot?.Id == identity.Id) return Ignored;

        var isPrivate = chat.Type == ChatType.Private;
        if (message.Text is null)
        {
            if (!isPrivate || !UserContent.Contains(message.Type)) return Ignored;
            var hint = telegram.Incoming(updateId, chat.Id, message.From, "", isPrivate, addressed: true);
            var direct = new ReplyTarget(chat.Id, false, null);
            return conversations.SayAsync(hint, TelegramText.TextOnly,
                (reply, ct) => telegram.DeliverAsync(updateId, () => sender.SendAsync(direct, renderer.Render(reply), ct)), cancellationToken);
        }

        var addressing = MessageAddressing.Read(message, identity.Id, identity.Username);
        var incoming = telegram.Incoming(updateId, chat.Id, message.From, addressing.Text, isPrivate, isPrivate || addressing.Addressed);
        var target = new ReplyTarget(chat.Id, !isPrivate, message.Id, TopicOf(message));
        return conversations.HandleAsync(incoming, (reply, ct) => telegram.DeliverAsync(updateId, async () =>
        {
            if (!await study.TrySendAsync(target, reply, ct)) await sender.SendAsync(target, renderer.Render(reply), ct);
        }), cancellationToken, telegram.TakeOverUnfinished);
    }

    private static Task<ConversationOutcome> Ignored => Task.FromResult(ConversationOutcome.Ignored);

    /// <summary>The forum topic a message was posted in; outside forums the thread id must not be sent.</summary>
    internal static int? TopicOf(Message? message) => message is { IsTopicMessage: true } ? message.MessageThreadId : null;
}
