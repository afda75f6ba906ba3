using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// A follow-up button press, translated: the command the button carries is a question to the core, answered as a new
/// message; the query itself is answered at once (the spinner stops). A button whose command no longer leads anywhere —
/// an old message, a fact removed from the knowledge — gets a polite toast instead.
/// </summary>
public sealed class CallbackQueryHandler(
    ITelegramBotClient bot,
    BotApiCaller caller,
    ConversationPipeline conversations,
    TelegramConversations telegram,
    ReplyRenderer renderer,
    ReplySender sender)
{
    public async Task<ConversationOutcome> HandleAsync(int updateId, CallbackQuery query, CancellationToken cancellationToken)
    {
        var chat = query.Message?.Chat;
        var command = FollowUpKeyboard.DecodeCallbackData(query.Data);
        if (command is null || chat is null)
        {
            var lang = conversations.Languages.ForWords(UpdatePipeline.Platform, chat is null ? null : TelegramConversations.Id(chat.Id), query.From.LanguageCode);
            await ToastAsync(query.Id, TelegramText.StaleButton[lang], cancellationToken);
            return ConversationOutcome.Ignored;
        }

        var isPrivate = chat.Type == ChatType.Private;
        var incoming = telegram.Incoming(updateId, chat.Id, query.From, command, isPrivate, addressed: true);
        var target = new ReplyTarget(chat.Id, !isPrivate, query.Message!.Id, MessageHandler.TopicOf(query.Message));
        return await conversations.HandleAsync(incoming, (reply, ct) => telegram.DeliverAsync(updateId, async () =>
        {
            if (reply.Outcome is ReplyOutcome.Invalid or ReplyOutcome.NotFound)
            {
                await ToastAsync(query.Id, TelegramText.StaleButton[reply.Lang], ct);
                return;
            }

            await ToastAsync(query.Id, null, ct);
            await sender.SendAsync(target, renderer.Render(reply), ct);
        }), cancellationToken, telegram.TakeOverUnfinished);
    }

    /// <summary>A late answer (the query expired) must not stop the reply itself, so its failure is only noted.</summary>
    private async Task ToastAsync(string queryId, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await caller.CallAsync("answerCallbackQuery", ct => bot.AnswerCallbackQuery(queryId, text, cancellationToken: ct), cancellationToken);
        }
        catch (DeliveryFailedException)
        {
            // Telegram drops callback queries after ~15 s; the user still gets the message.
        }
    }
}
