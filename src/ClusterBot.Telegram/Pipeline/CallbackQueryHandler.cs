using ClusterBot.Core.Answering;
using ClusterBot.Telegram.Rendering;
using ClusterBot.Telegram.Sending;
using ClusterBot.Telegram.Startup;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// A follow-up button press: the query is answered at once (the spinner stops) and the command the
/// button carries is answered as a new message. A button whose command no longer leads anywhere — an
/// old message, a fact removed from the knowledge — gets a polite toast instead.
/// </summary>
public sealed class CallbackQueryHandler(
    ITelegramBotClient bot,
    BotApiCaller caller,
    IAnswerEngine engine,
    ChatLanguage languages,
    BotIdentity identity,
    ReplyRenderer renderer,
    ReplySender sender)
{
    public async Task<string> HandleAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        var chat = query.Message?.Chat;
        var command = FollowUpKeyboard.DecodeCallbackData(query.Data);
        var lang = chat is null ? languages.ForUser(query.From.LanguageCode) : languages.For(chat.Id, query.From.LanguageCode);
        if (command is null || chat is null)
        {
            await ToastAsync(query.Id, TelegramText.StaleButton[lang], cancellationToken);
            return Outcomes.Ignored;
        }

        var isPrivate = chat.Type == ChatType.Private;
        var reply = engine.Answer(new Question(command, isPrivate ? ChatKind.Private : ChatKind.Group, Addressed: true,
            languages.Preferred(chat.Id), query.From.LanguageCode, identity.Username,
            "telegram", query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (reply.Outcome is ReplyOutcome.Invalid or ReplyOutcome.NotFound or ReplyOutcome.Ignored)
        {
            await ToastAsync(query.Id, TelegramText.StaleButton[lang], cancellationToken);
            return Outcomes.Ignored;
        }

        if (reply.LanguageChange is { } chosen) languages.Remember(chat.Id, chosen);
        await ToastAsync(query.Id, null, cancellationToken);
        await sender.SendAsync(new ReplyTarget(chat.Id, !isPrivate, query.Message!.Id, MessageHandler.TopicOf(query.Message)), renderer.Render(reply), cancellationToken);
        return Outcomes.Sent;
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
