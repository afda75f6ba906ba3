using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Startup;

/// <summary>
/// The command menu Telegram shows, generated from the same table as /help so the two never disagree, and
/// naming what the knowledge holds ("a country's cluster policy: …") as /help does.
/// </summary>
public static class BotCommandMenu
{
    /// <summary>Telegram's limit on a command description.</summary>
    private const int MaxDescription = 256;

    /// <param name="showcase">The knowledge to list from; null gives the bare descriptions.</param>
    public static IReadOnlyList<BotCommand> For(Lang lang, KnowledgeShowcase? showcase) =>
        CommandTable.Listed
            .Select(c => new BotCommand
            {
                Command = c.Name,
                Description = Describe(c, showcase, lang),
            })
            .ToList();

    private static string Describe(CommandSpec command, KnowledgeShowcase? showcase, Lang lang)
    {
        var usage = command.Usage[lang];
        var description = command.Describe(showcase, lang);
        var text = usage.Length > 0 ? $"{description} ({usage})" : description;
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }
}
