using System.Globalization;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// What every Telegram handler needs to speak to the core: an update as an incoming message, whether this process may
/// take over an unfinished claim, and a delivery that reports a lost reply in Telegram's terms (method, attempts).
/// </summary>
public sealed partial class TelegramConversations(BotIdentity identity, TelegramMetrics metrics, IOptions<TelegramOptions> options, ILogger<TelegramConversations> logger)
{
    /// <summary>
    /// Only one process may poll a token (Telegram answers a second poller with 409), so in polling mode a claim left
    /// unfinished can only be a crashed predecessor's and is taken over. Behind a webhook several instances may be at
    /// work, so an existing claim is respected there.
    /// </summary>
    public bool TakeOverUnfinished => options.Value.Mode == TelegramMode.Polling;

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public IncomingMessage Incoming(int updateId, long chatId, User? from, string text, bool isPrivate, bool addressed) =>
        new(UpdatePipeline.Platform, Id(chatId), Id(updateId), from is null ? null : Id(from.Id), text,
            isPrivate ? ChatKind.Private : ChatKind.Group, addressed, from?.LanguageCode)
        {
            BotUsername = identity.Username,
        };

    /// <summary>Sends through <paramref name="send"/>; a reply Telegram lost for good is logged and counted here, once.</summary>
    public async Task DeliverAsync(int updateId, Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (DeliveryFailedException e)
        {
            LogReplyLost(logger, updateId, e.Method, e.Attempts, e.Reason);
            metrics.ReplyLost();
            throw new ReplyNotDeliveredException(e.Reason, e);
        }
    }

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Reply to update {UpdateId} lost: {Method} failed after {Attempts} attempt(s): {Reason}")]
    private static partial void LogReplyLost(ILogger logger, int updateId, string method, int attempts, string reason);
}
