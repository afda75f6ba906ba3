using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Conversations;

/// <summary>
/// What a front end makes of a platform event before the core sees it: who wrote what, where, and whether it was
/// meant for the bot. Adapters decide addressing (mentions, replies, DMs) because only they can read the platform's
/// markup; the pipeline never guesses it.
/// </summary>
/// <param name="Platform">"telegram", "discord", "console", "cli": the ledger's, the settings' and the metrics' key.</param>
/// <param name="ConversationId">The chat or channel: where /lang is kept and what one conversation's order is kept by.</param>
/// <param name="MessageId">The id a redelivery repeats (a Telegram update id, a Discord message or interaction id): it is
/// claimed in the ledger so that the message is answered once. Null where nothing is redelivered (the console, ask).</param>
/// <param name="UserId">The asker's platform id, for the flood guard and /score me; null for a local chat.</param>
/// <param name="Text">What was written, with the bot's own mention already taken out.</param>
/// <param name="ChatKind">Private chat or group.</param>
/// <param name="Addressed">Whether the message is meant for the bot; a group message that is not is ignored.</param>
/// <param name="UserLocale">The user's interface language as the platform reports it ("ru", "en-US").</param>
public sealed record IncomingMessage(
    string Platform,
    string ConversationId,
    string? MessageId,
    string? UserId,
    string Text,
    ChatKind ChatKind,
    bool Addressed,
    string? UserLocale)
{
    /// <summary>The bot's username, so "/help@OtherBot" is left alone.</summary>
    public string? BotUsername { get; init; }

    /// <summary>
    /// A conversation that lives only as long as this process (the console, `ask`): its /lang is kept in memory, not in
    /// the store, and a command for another bot gets a line saying so, since a terminal owes every line an answer.
    /// </summary>
    public bool Local { get; init; }

    /// <summary>The engine's view of it, with the language the chat chose.</summary>
    internal Question ToQuestion(Knowledge.Lang? chatLanguage) =>
        new(Text, ChatKind, chatLanguage, UserLocale, BotUsername, Platform, UserId, ConversationId);
}

/// <summary>How one incoming message ended; the ledger and the adapters' metrics record it.</summary>
public enum ConversationOutcome
{
    /// <summary>A reply was delivered.</summary>
    Sent,

    /// <summary>Nothing to say: not addressed to the bot, a command for another bot, an event with no reply.</summary>
    Ignored,

    /// <summary>The user asked too much too fast: a notice (once) or silence.</summary>
    Limited,

    /// <summary>Answering or delivering failed for good; a redelivery would fail the same way.</summary>
    Failed,

    /// <summary>Already handled (or being handled) once: a redelivery, skipped.</summary>
    Duplicate,

    /// <summary>Stopped by shutdown before the end; the claim is released so a redelivery is answered.</summary>
    Interrupted,
}

/// <summary>Hands a reply to the platform: rendering and sending are the adapter's.</summary>
public delegate Task ReplyDelivery(Answering.Reply reply, CancellationToken cancellationToken);

public static class ConversationOutcomeExtensions
{
    /// <summary>The name kept in the ledger's table and used as a metric tag.</summary>
    public static string Name(this ConversationOutcome outcome) => outcome switch
    {
        ConversationOutcome.Sent => "sent",
        ConversationOutcome.Ignored => "ignored",
        ConversationOutcome.Limited => "limited",
        ConversationOutcome.Failed => "failed",
        ConversationOutcome.Duplicate => "duplicate",
        ConversationOutcome.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
