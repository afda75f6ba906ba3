using ClusterBot.Core.Conversations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>Sends each kind of update to the handler that translates it; kinds the bot has no use for end as "ignored".</summary>
public sealed class UpdateRouter(MessageHandler messages, CallbackQueryHandler callbacks, InlineQueryHandler inline, PollAnswerHandler pollAnswers)
{
    public Task<ConversationOutcome> RouteAsync(Update update, CancellationToken cancellationToken) => update.Type switch
    {
        UpdateType.Message when update.Message is { } m => messages.HandleAsync(update.Id, m, cancellationToken),
        UpdateType.CallbackQuery when update.CallbackQuery is { } q => callbacks.HandleAsync(update.Id, q, cancellationToken),
        UpdateType.InlineQuery when update.InlineQuery is { } i => inline.HandleAsync(update.Id, i, cancellationToken),
        UpdateType.PollAnswer when update.PollAnswer is { } a => pollAnswers.HandleAsync(update.Id, a, cancellationToken),
        _ => Task.FromResult(ConversationOutcome.Ignored),
    };

    /// <summary>The chat an update belongs to: updates of one chat are handled in order, different chats in parallel.</summary>
    public static long ChatKey(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.InlineQuery?.From.Id
        ?? update.PollAnswer?.User?.Id
        ?? -update.Id;
}
