using ClusterBot.Core.Answering;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Study;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// A chat message: in a private chat every text is a question; in a group only what is addressed to the
/// bot. Non-text messages get a one-line hint in private chats and silence in groups.
/// </summary>
public sealed class MessageHandler(IAnswerEngine engine, ChatLanguage languages, ChatMigration migration, BotIdentity identity, ReplyRenderer renderer, ReplySender sender, StudySender study)
{
    /// <summary>Content a person sends on purpose; service messages (joins, pins, titles) are not among them.</summary>
    private static readonly HashSet<MessageType> UserContent =
    [
        MessageType.Photo, MessageType.Sticker, MessageType.Video, MessageType.Voice, MessageType.Audio, MessageType.Document,
        MessageType.Animation, MessageType.VideoNote, MessageType.Location, MessageType.Contact, MessageType.Poll, MessageType.Dice,
        MessageType.Venue,
    ];

    public async Task<string> HandleAsync(Message message, CancellationToken cancellationToken)
    {
        var chat = message.Chat;
        if (chat.Type is not (ChatType.Private or ChatType.Group or ChatType.Supergroup)) return Outcomes.Ignored;
        if (message.MigrateToChatId is { } upgradedTo)
        {
            migration.Moved(chat.Id, upgradedTo);
            return Outcomes.Ignored;
        }

        if (message.MigrateFromChatId is { } upgradedFrom)
        {
            migration.Moved(upgradedFrom, chat.Id);
            return Outcomes.Ignored;
        }

        // Never talk to bots (no loops) nor answer our own inline results posted in a chat.
        if (message.From is { IsBot: true } || message.ViaBot?.Id == identity.Id) return Outcomes.Ignored;

        var isPrivate = chat.Type == ChatType.Private;
        if (message.Text is null)
        {
            if (!isPrivate || !UserContent.Contains(message.Type)) return Outcomes.Ignored;
            var lang = languages.For(chat.Id, message.From?.LanguageCode);
            var hint = new Reply(lang, ReplyOutcome.Invalid, [new Paragraph(TelegramText.TextOnly[lang])], [], [], []);
            await sender.SendAsync(new ReplyTarget(chat.Id, false, null), renderer.Render(hint), cancellationToken);
            return Outcomes.Sent;
        }

        var addressing = MessageAddressing.Read(message, identity.Id, identity.Username);
        if (!isPrivate && !addressing.Addressed) return Outcomes.Ignored;

        var question = new Question(
            addressing.Text,
            isPrivate ? ChatKind.Private : ChatKind.Group,
            Addressed: true,
            PreferredLanguage: languages.Preferred(chat.Id),
            UserLanguage: message.From?.LanguageCode,
            BotUsername: identity.Username,
            Platform: "telegram",
            UserId: message.From?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ChatId: chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reply = engine.Answer(question);
        if (reply.Outcome == ReplyOutcome.Ignored) return Outcomes.Ignored;
        if (reply.LanguageChange is { } chosen) languages.Remember(chat.Id, chosen);

        var target = new ReplyTarget(chat.Id, !isPrivate, message.Id, TopicOf(message));
        if (!await study.TrySendAsync(target, reply, cancellationToken))
        {
            await sender.SendAsync(target, renderer.Render(reply), cancellationToken);
        }

        return Outcomes.Sent;
    }

    /// <summary>The forum topic a message was posted in; outside forums the thread id must not be sent.</summary>
    internal static int? TopicOf(Message? message) => message is { IsTopicMessage: true } ? message.MessageThreadId : null;
}
