using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Adapter;

/// <summary>
/// The slash commands registered with Discord, built from the core's <see cref="CommandTable"/> so their names
/// and descriptions cannot drift from /help.
/// </summary>
internal static class SlashCommandCatalog
{
    private const int MaxDescriptionLength = 100;

    /// <summary>Where the commands may be used: guilds (0) and DMs with the bot (1).</summary>
    private static readonly int[] GuildAndBotDm = [0, 1];

    public static IReadOnlyList<SlashCommand> Build(bool guildScoped)
    {
        var contexts = guildScoped ? null : GuildAndBotDm;
        return
        [
            Command(CommandTable.Country, contexts, Option("country", new("страна", "country"), required: false)),
            Command(CommandTable.Programme, contexts, Option("programme", new("программа или регион", "programme or region"), required: false)),
            Command(CommandTable.Compare, contexts,
                Option("first", new("первая страна или программа", "first country or programme"), required: true),
                Option("second", new("вторая страна или программа", "second country or programme"), required: true)),
            Command(CommandTable.Help, contexts),
        ];
    }

    /// <summary>The text the core understands for an invoked command: "/compare germany korea".</summary>
    public static string ToQuestionText(string commandName, IEnumerable<string> optionValues)
    {
        var args = string.Join(' ', optionValues.Select(v => v.Trim()).Where(v => v.Length > 0));
        return args.Length == 0 ? "/" + commandName : $"/{commandName} {args}";
    }

    private static SlashCommand Command(CommandSpec spec, IReadOnlyList<int>? contexts, params SlashCommandOption[] options) =>
        new(spec.Name, Fit(spec.Description.En), new Dictionary<string, string> { ["ru"] = Fit(spec.Description.Ru) },
            options.Length == 0 ? null : options, contexts);

    private static SlashCommandOption Option(string name, Localized description, bool required) =>
        new(name, Fit(description.En), new Dictionary<string, string> { ["ru"] = Fit(description.Ru) }, required, Autocomplete: true);

    private static string Fit(string text) => text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)] + "…";
}
