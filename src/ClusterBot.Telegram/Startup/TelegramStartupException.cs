namespace ClusterBot.Telegram.Startup;

/// <summary>
/// Start-up cannot go on (refused token, Telegram unreachable, webhook not accepted). The message is one
/// clear line that never contains the token, and there is deliberately no inner exception to leak one.
/// It never leaves the adapter: TelegramBotService records it in StartupFailures and stops the application.
/// </summary>
internal sealed class TelegramStartupException(string message) : Exception(message);
