using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Diagnostics;
using ClusterBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Startup;

/// <summary>
/// What runs before the first update: getMe (who are we), the command menu in both languages, and the
/// delivery mode — deleteWebhook for polling (getUpdates is refused while a webhook is set), setWebhook
/// with the secret and the update types we handle for webhook mode.
/// </summary>
public sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    BotApiCaller caller,
    BotIdentity identity,
    IOptions<TelegramOptions> options,
    TokenRedactor redactor,
    TelegramConnectionState state,
    IKnowledgeSource knowledge,
    ILogger<TelegramStartup> logger)
{
    /// <summary>The update kinds the bot handles; Telegram does not send the others at all.</summary>
    // poll_answer: the answers to our quiz polls, which are scored.
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.InlineQuery, UpdateType.PollAnswer];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var me = await Required("getMe", ct => bot.GetMe(ct), "check Telegram:Token (BotFather /token)", cancellationToken);
        if (string.IsNullOrEmpty(me.Username))
        {
            throw Fail("Telegram start-up failed: getMe returned no username, so mentions cannot be recognised.");
        }

        identity.Set(me.Id, me.Username);
        await RegisterCommandsAsync(cancellationToken);

        if (o.Mode == TelegramMode.Polling)
        {
            await Required("deleteWebhook", async ct =>
            {
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
                return true;
            }, "polling needs the webhook removed", cancellationToken);
        }
        else
        {
            await Required("setWebhook", async ct =>
            {
                await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: ct);
                return true;
            }, "check Telegram:WebhookUrl (public HTTPS) and Telegram:WebhookSecret", cancellationToken);
        }

        LogStarted(logger, me.Username, o.Mode);
    }

    /// <summary>The menu is a convenience: failing to set it is logged, not fatal.</summary>
    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var showcase = Showcase();
        foreach (var lang in new[] { Lang.Ru, Lang.En })
        {
            try
            {
                await caller.CallAsync("setMyCommands", ct => bot.SetMyCommands(BotCommandMenu.For(lang, showcase), BotCommandScope.Default(), lang.Code(), ct), cancellationToken);
            }
            catch (DeliveryFailedException e)
            {
                LogCommandsNotSet(logger, lang.Code(), e.Reason);
            }
        }

        // Users whose app speaks neither language see the English menu.
        try
        {
            await caller.CallAsync("setMyCommands", ct => bot.SetMyCommands(BotCommandMenu.For(Lang.En, showcase), BotCommandScope.Default(), null, ct), cancellationToken);
        }
        catch (DeliveryFailedException e)
        {
            LogCommandsNotSet(logger, "default", e.Reason);
        }
    }

    /// <summary>What the menu lists, from the knowledge as it is at start; without it the menu still goes up, unlisted.</summary>
    private KnowledgeShowcase? Showcase()
    {
        var showcase = knowledge.TryShowcase(out var problem);
        if (showcase is null) LogMenuWithoutKnowledge(logger, problem ?? "");
        return showcase;
    }

    private async Task<T> Required<T>(string method, Func<CancellationToken, Task<T>> call, string hint, CancellationToken cancellationToken)
    {
        try
        {
            return await caller.CallAsync(method, call, cancellationToken);
        }
        catch (DeliveryFailedException e)
        {
            throw Fail($"Telegram start-up failed: {method} was refused or unreachable ({e.Reason}); {hint}.");
        }
        catch (ApiRequestException e)
        {
            throw Fail($"Telegram start-up failed: {method} was refused ({e.ErrorCode} {redactor.Redact(e.Message)}); {hint}.");
        }
    }

    private TelegramStartupException Fail(string line)
    {
        var safe = redactor.Redact(line);
        LogStartupFailed(logger, safe);
        state.StartupFailed(safe);
        return new TelegramStartupException(safe);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Telegram bot @{Username} started in {Mode} mode")]
    private static partial void LogStarted(ILogger logger, string username, TelegramMode mode);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Telegram command menu ({Language}) not set: {Reason}")]
    private static partial void LogCommandsNotSet(ILogger logger, string language, string reason);

    // Information, not a warning: the knowledge's own loader reports what is wrong with it, file and line.
    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Telegram command menu set without the knowledge's names: the knowledge did not load ({Problem})")]
    private static partial void LogMenuWithoutKnowledge(ILogger logger, string problem);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Critical, Message = "{Line}")]
    private static partial void LogStartupFailed(ILogger logger, string line);
}
