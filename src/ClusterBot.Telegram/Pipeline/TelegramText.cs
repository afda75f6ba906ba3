using ClusterBot.Core.Knowledge;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>The adapter's own words: what only happens on Telegram.</summary>
public static class TelegramText
{
    public static readonly Localized TextOnly = new(
        "Я понимаю только текст: напишите вопрос словами или наберите /help.",
        "I only read text: type your question in words, or /help.");

    public static readonly Localized StaleButton = new(
        "Эта кнопка устарела. Спросите заново или наберите /help.",
        "This button is out of date. Ask again or type /help.");
}
