using System.Globalization;
using ClusterBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// A group upgraded to a supergroup gets a new chat id; what the chat chose (its /lang) moves with it. Telegram
/// tells of it three ways — a service message in the old group (migrate_to_chat_id), one in the new supergroup
/// (migrate_from_chat_id), and a 400 naming the new id when sending to the old one — so moving is idempotent
/// and never overrides a choice the supergroup has made itself.
/// </summary>
public sealed partial class ChatMigration(LanguagePolicy languages, ILogger<ChatMigration> logger)
{
    public void Moved(long fromChatId, long toChatId)
    {
        if (fromChatId == toChatId) return;
        var carried = languages.CarryOver(UpdatePipeline.Platform, Key(fromChatId), Key(toChatId));
        LogMoved(logger, fromChatId, toChatId, carried ? "its language setting moved" : "nothing to move");
    }

    internal static string Key(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Chat {From} was upgraded to supergroup {To}: {What}")]
    private static partial void LogMoved(ILogger logger, long from, long to, string what);
}
