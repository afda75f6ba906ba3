using System.Collections.Concurrent;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Conversations;

/// <summary>
/// The one rule for the language of a reply, on every platform: the chat's /lang, else the script of what was
/// written, else the user's interface language, else Bot:DefaultLanguage. It also keeps the chat's /lang: in the
/// store (so it survives restarts) for chat platforms, in memory for a local conversation.
/// </summary>
public sealed class LanguagePolicy(IOptions<AnswerEngineOptions> options, IChatSettingsStore? settings = null)
{
    private readonly Lang _default = LangExtensions.ParseLang(options.Value.DefaultLanguage) ?? Lang.Ru;
    private readonly ConcurrentDictionary<(string, string), Lang> _local = new();

    public Lang Default => _default;

    /// <summary>The rule itself, for whoever already knows the chat's choice (the engine).</summary>
    public static Lang Choose(Lang? chatSetting, string? text, string? userLocale, Lang fallback) =>
        chatSetting ?? Script.Detect(text) ?? FromLocale(userLocale) ?? fallback;

    /// <summary>The reply language for a message of this conversation.</summary>
    public Lang For(IncomingMessage message, string? text = null) =>
        Choose(ChatSetting(message), text ?? message.Text, message.UserLocale, _default);

    /// <summary>For the adapter's own words (a stale button, an expired quiz): the chat's choice, the user's, the default.</summary>
    public Lang ForWords(string platform, string? conversationId, string? userLocale) =>
        Choose(conversationId is null ? null : Stored(platform, conversationId), null, userLocale, _default);

    public Lang? ChatSetting(IncomingMessage message) =>
        message.Local ? _local.TryGetValue((message.Platform, message.ConversationId), out var l) ? l : null : Stored(message.Platform, message.ConversationId);

    public void Remember(IncomingMessage message, Lang lang)
    {
        if (message.Local) _local[(message.Platform, message.ConversationId)] = lang;
        else settings?.SetLanguage(message.Platform, message.ConversationId, lang);
    }

    /// <summary>A chat that got a new id (a Telegram group upgraded to a supergroup) keeps its /lang, unless the new id has its own.</summary>
    public bool CarryOver(string platform, string fromConversation, string toConversation)
    {
        if (settings is null || Stored(platform, fromConversation) is not { } lang || Stored(platform, toConversation) is not null) return false;
        settings.SetLanguage(platform, toConversation, lang);
        return true;
    }

    public static Lang? FromLocale(string? locale) => LangExtensions.ParseLang(locale?.Split('-')[0]);

    private Lang? Stored(string platform, string conversationId) => settings?.GetLanguage(platform, conversationId);
}
