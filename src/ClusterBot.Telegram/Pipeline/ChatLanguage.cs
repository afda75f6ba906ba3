using System.Globalization;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>A chat's /lang choice, kept in the store under the "telegram" platform so it survives restarts.</summary>
public sealed class ChatLanguage(IChatSettingsStore settings, IOptions<AnswerEngineOptions> engineOptions)
{
    public const string Platform = "telegram";

    private readonly Lang _default = LangExtensions.ParseLang(engineOptions.Value.DefaultLanguage) ?? Lang.Ru;

    public Lang? Preferred(long chatId) => settings.GetLanguage(Platform, Key(chatId));

    public void Remember(long chatId, Lang lang) => settings.SetLanguage(Platform, Key(chatId), lang);

    /// <summary>Gives a chat's new id the old id's choice, unless it has one of its own; true when it did.</summary>
    public bool CarryOver(long fromChatId, long toChatId)
    {
        if (Preferred(fromChatId) is not { } lang || Preferred(toChatId) is not null) return false;
        Remember(toChatId, lang);
        return true;
    }

    /// <summary>For the adapter's own words: the chat's choice, else the user's app language, else the default.</summary>
    public Lang For(long chatId, string? userLanguage) =>
        Preferred(chatId) ?? LangExtensions.ParseLang(userLanguage?.Split('-')[0]) ?? _default;

    public Lang ForUser(string? userLanguage) => LangExtensions.ParseLang(userLanguage?.Split('-')[0]) ?? _default;

    private static string Key(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);
}
