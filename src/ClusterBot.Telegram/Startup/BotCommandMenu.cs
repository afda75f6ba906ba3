using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Startup;

/// <summary>The command menu Telegram shows, generated from the same table as /help so the two never disagree.</summary>
public static class BotCommandMenu
{
    /// <summary>Telegram's limit on a command description.</summary>
    private const int MaxDescription = 256;

    public static IReadOnlyList<BotCommand> For(Lang lang) =>
        CommandTable.Listed
            .Select(c => new BotCommand
            {
                Command = c.Name,
                Description = Describe(c, lang),
            })
            .ToList();

    private static string Describe(CommandSpec command, Lang lang)
    {
        var usage = command.Usage[lang];
        var text = usage.Length > 0 ? $"{command.Description[lang]} ({usage})" : command.Description[lang];
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }
}
