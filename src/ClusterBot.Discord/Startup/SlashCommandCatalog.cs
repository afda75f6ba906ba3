using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Startup;

/// <summary>
/// The slash commands registered with Discord: the core's <see cref="CommandTable"/> entries marked Slash, with
/// options for what their argument names, so their names and descriptions cannot drift from /help. Descriptions
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
        return CommandTable.Listed.Where(c => c.Slash).Select(c => Command(c, showcase, contexts, OptionsFor(c.Argument))).ToList();
    }

    /// <summary>The text the core understands for an invoked command: "/compare germany korea".</summary>
    public static string ToQuestionText(string commandName, IEnumerable<string> optionValues)
    {
        var args = string.Join(' ', optionValues.Select(v => v.Trim()).Where(v => v.Length > 0));
        return args.Length == 0 ? "/" + commandName : $"/{commandName} {args}";
    }

    /// <summary>Discord's options for what a command's argument names; all but a language are completed from the knowledge.</summary>
    private static SlashCommandOption[] OptionsFor(CommandArgument argument) => argument switch
    {
        CommandArgument.None => [],
        CommandArgument.Country => [Option("country", new("страна", "country"), required: false)],
        CommandArgument.Programme => [Option("programme", new("программа или регион", "programme or region"), required: false)],
        CommandArgument.PhaseOwner => [Option("of", new("страна или программа", "country or programme"), required: false)],
        CommandArgument.Comparison =>
        [
            Option("first", new("первая страна или программа", "first country or programme"), required: true),
            Option("second", new("вторая страна или программа", "second country or programme"), required: true),
        ],
        CommandArgument.Entry => [Option("id", new("запись: факт, тема или пункт списка", "entry: a fact, a topic or a list item"), required: true)],
        CommandArgument.Language => [Option("language", new("ru или en", "ru or en"), required: true, autocomplete: false)],
        CommandArgument.Topic => [Option("topic", new("страна, программа или gii; без темы — любой вопрос", "a country, programme or gii; none: any question"), required: false)],
        CommandArgument.Me => [Option("who", new("me — только мой счёт", "me: only my score"), required: false, autocomplete: false)],
        _ => throw new ArgumentOutOfRangeException(nameof(argument), argument, "no Discord options for this argument"),
    };

    private static SlashCommand Command(CommandSpec spec, KnowledgeShowcase? showcase, IReadOnlyList<int>? contexts, SlashCommandOption[] options) =>
        new(spec.Name, Fit(spec.Describe(showcase, Lang.En)), new Dictionary<string, string> { ["ru"] = Fit(spec.Describe(showcase, Lang.Ru)) },
            options.Length == 0 ? null : options, contexts);

    private static SlashCommandOption Option(string name, Localized description, bool required, bool autocomplete = true) =>
        new(name, Fit(description.En), new Dictionary<string, string> { ["ru"] = Fit(description.Ru) }, required, autocomplete);

    private static string Fit(string text) => text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)] + "…";
}
