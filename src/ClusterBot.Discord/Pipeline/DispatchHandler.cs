using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Study;
using ClusterBot.Discord.Gateway;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Rest;
using ClusterBot.Discord.Sending;
using ClusterBot.Discord.Startup;
using ClusterBot.Discord.Study;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Pipeline;

/// <summary>
/// The adapter's entry into the core: a dispatch event translated into an incoming message for the conversation
/// pipeline — a mention or a DM, a slash command, a follow-up button — and the reply handed to the sending side.
/// Autocomplete is answered from the knowledge directly (it is no question), a quiz button through the study desk, once.
/// </summary>
public sealed partial class DispatchHandler(
    ConversationPipeline conversations,
    BotSelf self,
    ChannelReplySender channel,
    InteractionReplySender interactions,
    IDiscordRest rest,
    AutocompleteSuggester suggester,
    DiscordStudy quizzes,
    ILogger<DispatchHandler> logger,
    DiscordMetrics? metrics = null)
{
    private const string Platform = DiscordAdapter.Platform;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = dispatch.Name switch
            {
                "MESSAGE_CREATE" when InboundMessage.From(dispatch.Data) is { } message => await HandleMessageAsync(message, cancellationToken),
                "INTERACTION_CREATE" when InboundInteraction.From(dispatch.Data) is { } interaction => await HandleInteractionAsync(interaction, cancellationToken),
                _ => ConversationOutcome.Ignored,
            };
            if (outcome is not (ConversationOutcome.Duplicate or ConversationOutcome.Ignored)) metrics?.Reply(outcome.Name());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEventFailed(logger, dispatch.Name, ex);
        }
    }

    private Task<ConversationOutcome> HandleMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.AuthorIsBot || message.AuthorId == self.UserId) return Task.FromResult(ConversationOutcome.Ignored);
        var isDm = message.GuildId is null;
        var incoming = new IncomingMessage(Platform, message.ChannelId, message.Id, message.AuthorId, DiscordQuestionText.From(message.Content),
            isDm ? ChatKind.Private : ChatKind.Group, Addressed: isDm || self.IsMentionedIn(message), UserLocale: null)
        {
            BotUsername = self.Username,
        };
        return conversations.HandleAsync(incoming, (reply, ct) => channel.SendAsync(message, quizzes.Render(reply, message.ChannelId), ct), cancellationToken);
    }

    private async Task<ConversationOutcome> HandleInteractionAsync(InboundInteraction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InboundInteraction.Autocomplete:
                var focused = interaction.Options.FirstOrDefault(o => o.Focused);
                var lang = conversations.Languages.ForWords(Platform, interaction.ChannelId, interaction.Locale);
                var choices = suggester.Suggest(interaction.CommandName ?? "", focused?.Value ?? "", lang, focused?.Name);
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                    new InteractionCallback(InteractionCallback.AutocompleteResult, new AutocompleteChoices(choices)), cancellationToken);
                return ConversationOutcome.Ignored;
            case InboundInteraction.ApplicationCommand when interaction.CommandName is { } name:
                return await AskAsync(interaction, SlashCommandCatalog.ToQuestionText(name, interaction.Options.Select(o => o.Value)), cancellationToken);
            case InboundInteraction.MessageComponent when QuizCallback.TryParse(interaction.CustomId, out var key, out var option):
                return await conversations.OnceAsync(Platform, interaction.Id, ct => quizzes.AnswerAsync(interaction, key, option, ct), cancellationToken);
            case InboundInteraction.MessageComponent when DiscordReplyRenderer.CommandOf(interaction.CustomId) is { } command:
                // A follow-up button: the answer comes as a new message, so the reply it hangs under stays readable.
                return await AskAsync(interaction, command, cancellationToken);
            default:
                return ConversationOutcome.Ignored;
        }
    }

    /// <summary>A slash command or a follow-up button: a question addressed to the bot, answered as the interaction's response.</summary>
    private async Task<ConversationOutcome> AskAsync(InboundInteraction interaction, string text, CancellationToken cancellationToken)
    {
        var conversation = interaction.ChannelId ?? interaction.Id;
        var incoming = new IncomingMessage(Platform, conversation, interaction.Id, interaction.UserId, text,
            interaction.GuildId is null ? ChatKind.Private : ChatKind.Group, Addressed: true, interaction.Locale)
        {
            BotUsername = self.Username,
        };
        await using var response = interactions.Begin(interaction, cancellationToken);
        var outcome = await conversations.HandleAsync(incoming, (reply, ct) => response.SendAsync(quizzes.Render(reply, conversation), ct), cancellationToken);
        if (outcome is ConversationOutcome.Ignored or ConversationOutcome.Limited) await response.SendNothingAsync(cancellationToken);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: handling {EventName} failed")]
    private static partial void LogEventFailed(ILogger logger, string eventName, Exception exception);
}
