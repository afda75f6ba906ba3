using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Startup;

/// <summary>
/// The slash commands registered with Discord: the core's <see cref="CommandTable"/> entries marked Slash, with the
/// options each entry declares, so their names, descriptions and options cannot drift from /help. Descriptions
/// name what the knowledge holds at start, as /help does.
/// </summary>
internal static class SlashCommandCatalog
{
    private const int MaxDescriptionLength = 100;

    /// <summary>Where the commands may be used: guilds (0) and DMs with the bot (1).</summary>
    private static readonly int[] GuildAndBotDm = [0, 1];

    /// <param name="showcase">The knowledge to list from; null gives the bare descriptions.</param>
    public static IReadOnlyList<SlashCommand> Build(bool guildScoped, KnowledgeShowcase? showcase)
    {
        var contexts = guildScoped ? null : GuildAndBotDm;
        return CommandTable.Listed.Where(c => c.Slash).Select(c => Command(c, showcase, contexts, c.Options.Select(Option).ToArray())).ToList();
    }

    /// <summary>The text the core understands for an invoked command: "/compare germany korea".</summary>
    public static string ToQuestionText(string commandName, IEnumerable<string> optionValues)
    {
        var args = string.Join(' ', optionValues.Select(v => v.Trim()).Where(v => v.Length > 0));
        return args.Length == 0 ? "/" + commandName : $"/{commandName} {args}";
    }

    private static SlashCommand Command(CommandSpec spec, KnowledgeShowcase? showcase, IReadOnlyList<int>? contexts, SlashCommandOption[] options) =>
        new(spec.Name, Fit(spec.Describe(showcase, Lang.En)), new Dictionary<string, string> { ["ru"] = Fit(spec.Describe(showcase, Lang.Ru)) },
            options.Length == 0 ? null : options, contexts);

    private static SlashCommandOption Option(CommandOption option) =>
        new(option.Name, Fit(option.Description.En), new Dictionary<string, string> { ["ru"] = Fit(option.Description.Ru) }, option.Required,
            option.Completion != CompletionSource.None);

    private static string Fit(string text) => text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)] + "…";
}
