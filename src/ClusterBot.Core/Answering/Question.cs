using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

public enum ChatKind { Private, Group }

/// <summary>
/// A platform-neutral question: what an adapter makes of a Telegram update, a Discord message,
/// a console line or an `ask` argument.
/// </summary>
/// <param name="Text">What the user typed (mention of the bot already removed by the adapter). Whether it was meant for the
/// bot at all the adapter decides, and the conversation pipeline ignores what was not: the engine answers what it is given.</param>
/// <param name="ChatKind">Private chat or group.</param>
/// <param name="PreferredLanguage">The chat's chosen language (/lang), which wins over everything else.</param>
/// <param name="UserLanguage">The user's interface language as the platform reports it (e.g. "ru", "en-US").</param>
/// <param name="BotUsername">The bot's own username, to accept "/country@ThisBot" and ignore "/country@OtherBot".</param>
/// <param name="Platform">Where the question came from ("telegram", "discord", "console", "cli"), for metrics and reports.</param>
/// <param name="UserId">The asker's platform id, used in memory for per-user flood control and, for /score me, to find their quiz answers.</param>
/// <param name="ChatId">The chat's platform id, for what is kept per chat (quiz scores).</param>
public sealed record Question(
    string Text,
    ChatKind ChatKind = ChatKind.Private,
    Lang? PreferredLanguage = null,
    string? UserLanguage = null,
    string? BotUsername = null,
    string Platform = "console",
    string? UserId = null,
    string? ChatId = null);
