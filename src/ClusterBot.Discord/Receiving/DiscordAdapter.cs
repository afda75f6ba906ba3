using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Discord.Gateway;
using ClusterBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord.Adapter;

/// <summary>
/// The bot on Discord: registers the slash commands, keeps the gateway session, and answers slash commands,
/// autocomplete, follow-up buttons, mentions and DMs through the core. A fatal gateway close or a rejected
/// token stops this adapter only; the host and its other adapters carry on.
/// </summary>
public sealed partial class DiscordAdapter(
    IDiscordRest rest,
    IDiscordGateway gateway,
    IAnswerEngine engine,
    IUpdateLedger ledger,
    IChatSettingsStore settings,
    AutocompleteSuggester suggester,
    IKnowledgeSource knowledge,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordConnectionState state,
    ILogger<DiscordAdapter> logger,
    DiscordStudy quizzes,
    DiscordMetrics? metrics = null) : BackgroundService
{
    public const string Platform = "discord";

    /// <summary>Past this an interaction is deferred (type 5) so Discord's 3 s window is never missed.</summary>
    internal static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);
    private const int LaneCount = 4;
    private static readonly TimeSpan MaxStartRetryDelay = TimeSpan.FromMinutes(1);

    private volatile string? _botUserId;
    private volatile string? _botUsername;

    /// <summary>The bot's own managed role in each guild: mentioning it addresses the bot, as Discord's client offers both.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _botRoles = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var gatewayUrl = await PrepareAsync(stoppingToken);
            state.NotConnected("connecting to the gateway");
            await using var lanes = new DispatchLanes(LaneCount, HandleAsync, stoppingToken);
            await gateway.RunAsync(gatewayUrl, (dispatch, _) =>
            {
                // READY is taken in on the receive loop itself, so no message is judged before we know our own id.
                // So is GUILD_CREATE, so a mention of the bot's role is recognised from the guild's first message on.
                if (dispatch.Name == "READY") OnReady(dispatch);
                else if (dispatch.Name == "GUILD_CREATE") OnGuild(dispatch);
                else lanes.Post(dispatch);
                return ValueTask.CompletedTask;
            }, stoppingToken);
        }
        catch (GatewayFatalCloseException ex)
        {
            state.NotConnected($"stopped: gateway closed with {ex.CloseCode}: {ex.Cause}");
            LogStoppedFatalClose(logger, ex.CloseCode, ex.Cause);
        }
        catch (DiscordUnauthorizedException)
        {
            state.NotConnected("stopped: Discord rejected the bot token (401)");
            LogStoppedUnauthorized(logger);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
            state.NotConnected("stopped");
        }
        catch (Exception ex)
        {
            state.NotConnected("stopped after an unexpected error: " + ex.GetType().Name);
            LogStoppedUnexpectedly(logger, ex);
        }
    }

    /// <summary>Registers the commands and finds the gateway, retrying transient failures with backoff.</summary>
    private async Task<Uri> PrepareAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var commandsRegistered = false;
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                if (!commandsRegistered)
                {
                    var showcase = knowledge.TryShowcase(out var problem);
                    if (showcase is null) LogCommandsWithoutKnowledge(logger, problem ?? "");
                    await rest.BulkOverwriteCommandsAsync(o.ApplicationId, o.GuildId, SlashCommandCatalog.Build(o.GuildId is not null, showcase), cancellationToken);
                    commandsRegistered = true;
                    LogCommandsRegistered(logger, o.GuildId is null ? "globally" : "in guild " + o.GuildId);
                }

                return o.GatewayUrl is { } configured ? new Uri(configured) : await rest.GetGatewayUrlAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException && ex is not DiscordUnauthorizedException)
            {
                state.NotConnected("not connected: start-up REST calls failing, retrying");
                LogStartRetry(logger, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
                delay = delay * 2 < MaxStartRetryDelay ? delay * 2 : MaxStartRetryDelay;
            }
        }
    }

    private void OnReady(GatewayDispatch ready)
    {
        if (ready.Data.ValueKind == System.Text.Json.JsonValueKind.Object && ready.Data.TryGetProperty("user", out var user))
        {
            _botUserId = user.Str("id");
            _botUsername = user.Str("username");
            LogConnectedAs(logger, _botUsername ?? "?", _botUserId ?? "?");
        }
    }

    private void OnGuild(GatewayDispatch guild)
    {
        if (InboundGuild.From(guild.Data, _botUserId) is { BotRoleId: { } role } g) _botRoles[g.Id] = role;
    }

    private async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            switch (dispatch.Name)
            {
                case "MESSAGE_CREATE" when InboundMessage.From(dispatch.Data) is { } message:
                    await HandleMessageAsync(message, cancellationToken);
                    break;
                case "INTERACTION_CREATE" when InboundInteraction.From(dispatch.Data) is { } interaction:
                    await HandleInteractionAsync(interaction, cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEventFailed(logger, dispatch.Name, ex);
        }
    }

    private async Task HandleMessageAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var botId = _botUserId;
        if (message.AuthorIsBot || message.AuthorId == botId)
        {
            return;
        }

        var isDm = message.GuildId is null;
        var mentioned = botId is not null && message.MentionIds.Contains(botId) ||
            message.GuildId is { } guild && _botRoles.TryGetValue(guild, out var role) && (message.MentionRoleIds ?? []).Contains(role);
        if (!isDm && !mentioned)
        {
            return;
        }

        await AnswerOnceAsync(message.Id, async () =>
        {
            var reply = Answer(DiscordQuestionText.From(message.Content), isDm ? ChatKind.Private : ChatKind.Group, message.ChannelId, userLanguage: null, message.AuthorId);
            if (reply.Outcome == ReplyOutcome.Ignored) return "ignored";

            var rendered = quizzes.Render(reply, message.ChannelId);
            for (var i = 0; i < rendered.Messages.Count; i++)
            {
                var last = i == rendered.Messages.Count - 1;
                await rest.CreateMessageAsync(message.ChannelId, new MessagePayload(
                    rendered.Messages[i],
                    AllowedMentions.None,
                    // Only the first part quotes the question; the rest follow it.
                    i == 0 ? new MessageReference(message.Id, message.ChannelId, message.GuildId, FailIfNotExists: false) : null,
                    last && rendered.Components.Count > 0 ? rendered.Components : null,
                    // A retry after a 5xx that Discord had already acted on must not post the part twice.
                    MessageNonce.For(message.Id, i),
                    EnforceNonce: true,
                    Files: i == 0 ? rendered.Files : null), cancellationToken);
            }

            return "sent";
        });
    }

    private async Task HandleInteractionAsync(InboundInteraction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InboundInteraction.Autocomplete:
                var focused = interaction.Options.FirstOrDefault(o => o.Focused);
                var choices = suggester.Suggest(interaction.CommandName ?? "", focused?.Value ?? "", LanguageOf(interaction.Locale));
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                    new InteractionCallback(InteractionCallback.AutocompleteResult, new AutocompleteChoices(choices)), cancellationToken);
                break;
            case InboundInteraction.ApplicationCommand when interaction.CommandName is { } name:
                await RespondAsync(interaction, SlashCommandCatalog.ToQuestionText(name, interaction.Options.Select(o => o.Value)), cancellationToken);
                break;
            case InboundInteraction.MessageComponent when QuizCallback.TryParse(interaction.CustomId, out var key, out var option):
                await AnswerOnceAsync(interaction.Id, () => quizzes.AnswerAsync(interaction, key, option, cancellationToken));
                break;
            case InboundInteraction.MessageComponent when DiscordReplyRenderer.CommandOf(interaction.CustomId) is { } command:
                // A follow-up button: the answer comes as a new message, so the reply it hangs under stays readable.
                await RespondAsync(interaction, command, cancellationToken);
                break;
        }
    }

    private Task RespondAsync(InboundInteraction interaction, string text, CancellationToken cancellationToken) =>
        AnswerOnceAsync(interaction.Id, async () =>
        {
            var chatKind = interaction.GuildId is null ? ChatKind.Private : ChatKind.Group;
            var answering = Task.Run(() => Answer(text, chatKind, interaction.ChannelId ?? interaction.Id, interaction.Locale, interaction.UserId), cancellationToken);
            var deferred = false;
            using (var deferTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var deadline = Task.Delay(DeferAfter, time, deferTimer.Token);
                if (await Task.WhenAny(answering, deadline) != answering)
                {
                    await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                        new InteractionCallback(InteractionCallback.DeferredChannelMessageWithSource), cancellationToken);
                    deferred = true;
                }

                await deferTimer.CancelAsync();
            }

            var rendered = quizzes.Render(await answering, interaction.ChannelId ?? interaction.Id);
            // An interaction must be answered with something, even when the core had nothing to say.
            var messages = rendered.Messages.Count > 0 ? rendered.Messages : ["…"];
            for (var i = 0; i < messages.Count; i++)
            {
                var last = i == messages.Count - 1;
                var payload = new MessagePayload(messages[i], AllowedMentions.None, null, last && rendered.Components.Count > 0 ? rendered.Components : null,
                    Files: i == 0 ? rendered.Files : null);
                if (i > 0)
                {
                    await rest.CreateFollowupMessageAsync(options.Value.ApplicationId, interaction.Token, payload, cancellationToken);
                }
                else if (deferred)
                {
                    await rest.EditOriginalInteractionResponseAsync(options.Value.ApplicationId, interaction.Token, payload, cancellationToken);
                }
                else
                {
                    await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                        new InteractionCallback(InteractionCallback.ChannelMessageWithSource, payload), cancellationToken);
                }
            }

            return "sent";
        });

    /// <summary>
    /// Runs a reply at most once per message or interaction id: a resumed session replays events, and the ledger
    /// (which survives restarts) remembers what was already answered.
    /// </summary>
    private async Task AnswerOnceAsync(string updateId, Func<Task<string>> reply)
    {
        if (!ledger.TryBegin(Platform, updateId))
        {
            LogDuplicate(logger, updateId);
            return;
        }

        try
        {
            var outcome = await reply();
            ledger.Complete(Platform, updateId, outcome);
            metrics?.Reply(outcome);
        }
        catch (DiscordRestException ex) when (ex is not DiscordUnauthorizedException)
        {
            // Discord refused (permissions, a deleted channel …): a replay would be refused too.
            ledger.Complete(Platform, updateId, "failed");
            metrics?.Reply("failed");
            LogReplyRefused(logger, updateId, ex.Message);
        }
        catch
        {
            // Interrupted (shutdown, network): let a redelivery try again.
            ledger.Abandon(Platform, updateId);
            throw;
        }
    }

    private Reply Answer(string text, ChatKind chatKind, string channelId, string? userLanguage, string? userId)
    {
        var question = new Question(text, chatKind, Addressed: true, settings.GetLanguage(Platform, channelId), userLanguage, _botUsername,
            Platform, userId, ChatId: channelId);
        var reply = engine.Answer(question);
        if (reply.LanguageChange is { } language)
        {
            settings.SetLanguage(Platform, channelId, language);
        }

        return reply;
    }

    private static Lang LanguageOf(string? locale) => LangExtensions.ParseLang(locale?.Split('-')[0]) ?? Lang.En;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord slash commands registered {Scope}")]
    private static partial void LogCommandsRegistered(ILogger logger, string scope);

    // Information, not a warning: the knowledge's own loader reports what is wrong with it, file and line.
    [LoggerMessage(Level = LogLevel.Information, Message = "Discord slash commands registered without the knowledge's names: the knowledge did not load ({Problem})")]
    private static partial void LogCommandsWithoutKnowledge(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord adapter could not start yet ({Problem}); retrying in {Seconds:F0} s")]
    private static partial void LogStartRetry(ILogger logger, string problem, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord adapter connected as {Username} ({UserId})")]
    private static partial void LogConnectedAs(ILogger logger, string username, string userId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: gateway closed with {CloseCode}: {Cause}. The rest of the bot keeps running.")]
    private static partial void LogStoppedFatalClose(ILogger logger, int closeCode, string cause);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: Discord rejected the bot token (401). Check Discord:Token. The rest of the bot keeps running.")]
    private static partial void LogStoppedUnauthorized(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped after an unexpected error. The rest of the bot keeps running.")]
    private static partial void LogStoppedUnexpectedly(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord update {UpdateId} already handled; skipped")]
    private static partial void LogDuplicate(ILogger logger, string updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the reply to {UpdateId}: {Problem}")]
    private static partial void LogReplyRefused(ILogger logger, string updateId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: handling {EventName} failed")]
    private static partial void LogEventFailed(ILogger logger, string eventName, Exception exception);
}
