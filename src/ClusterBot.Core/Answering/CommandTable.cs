using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>
/// What a command's argument names. It decides the kinds of entity the argument is looked up among, what a
/// command's description lists, its example in /help and what Discord's autocomplete offers.
/// </summary>
public enum CommandArgument { None, Country, Programme, PhaseOwner, Comparison, Entry, Language, Topic, Me }

/// <summary>One chat command: its name, arguments and description in both languages.</summary>
/// <param name="Description">What it does; for a command whose argument names a country or programme, the knowledge's
/// names are added after it (see <see cref="Describe"/>), so no name is written in code.</param>
/// <param name="Listed">Shown in /help and registered with the platforms; unlisted ones serve follow-up buttons.</param>
/// <param name="Slash">Registered as a Discord slash command too.</param>
public sealed record CommandSpec(
    string Name,
    IReadOnlyList<string> Aliases,
    Localized Usage,
    Localized Description,
    CommandArgument Argument = CommandArgument.None,
    bool Listed = true,
    bool Slash = false)
{
    public bool Matches(string name) => Name == name || Aliases.Contains(name);

    /// <summary>The description with what the knowledge holds for the argument ("…: Germany, South Korea, China").</summary>
    /// <param name="showcase">The knowledge to list from; null (knowledge not loaded) gives the bare description.</param>
    public string Describe(KnowledgeShowcase? showcase, Lang lang)
    {
        var names = showcase is null ? [] : Argument switch
        {
            CommandArgument.Country => showcase.Countries.Select(c => c.Name[lang]).ToList(),
            CommandArgument.Programme => showcase.SampleProgrammes.Select(p => p.Name[lang]).Concat(showcase.MoreProgrammes ? ["…"] : []).ToList(),
            _ => [],
        };
        return names.Count == 0 ? Description[lang] : $"{Description[lang]}: {string.Join(", ", names)}";
    }
}

/// <summary>
/// The single list of commands: /help, Telegram's setMyCommands and Discord's slash commands are all
/// generated from it, so they can never disagree.
/// </summary>
public static class CommandTable
{
    public static readonly CommandSpec Start = new("start", [], new("", ""),
        new("приветствие и что я умею", "welcome and what I can do"));

    public static readonly CommandSpec Help = new("help", [], new("", ""),
        new("список команд", "list of commands"), Slash: true);

    public static readonly CommandSpec Country = new("country", ["страна"], new("<страна>", "<country>"),
        new("кластерная политика страны", "a country's cluster policy"), CommandArgument.Country, Slash: true);

    public static readonly CommandSpec Programme = new("programme", ["program", "программа"], new("<программа>", "<programme>"),
        new("программа или регион", "a programme or region"), CommandArgument.Programme, Slash: true);

    public static readonly CommandSpec Phases = new("phases", ["stages", "этапы"], new("<страна или программа>", "<country or programme>"),
        new("этапы кластерной политики или программы", "the phases of a cluster policy or programme"), CommandArgument.PhaseOwner);

    public static readonly CommandSpec Compare = new("compare", ["сравнить"], new("<страна> <страна>", "<country> <country>"),
        new("сравнить две страны", "compare two countries"), CommandArgument.Comparison, Slash: true);

    public static readonly CommandSpec Quote = new("quote", ["цитата", "citation"], new("<id>", "<id>"),
        new("слова статьи, на которых основан ответ", "the paper's own words behind an answer"),
        CommandArgument.Entry, Slash: true);

    public static readonly CommandSpec Sources = new("sources", ["source", "источники"], new("", ""),
        new("статья, на которой основаны ответы, и её источники", "the paper behind the answers and its references"));

    public static readonly CommandSpec Language = new("lang", ["language", "язык"], new("ru|en", "ru|en"),
        new("язык ответов в этом чате", "reply language in this chat"), CommandArgument.Language);

    public static readonly CommandSpec Quiz = new("quiz", ["викторина", "вопрос"], new("[тема]", "[topic]"),
        new("вопрос для самопроверки по статье", "a question to test yourself on the paper"), CommandArgument.Topic, Slash: true);

    public static readonly CommandSpec Score = new("score", ["счёт", "счет", "рейтинг"], new("[me]", "[me]"),
        new("рейтинг чата по викторине", "this chat's quiz leaderboard"), CommandArgument.Me, Slash: true);

    public static readonly CommandSpec Timeline = new("timeline", ["хронология"], new("<страна или программа>", "<country or programme>"),
        new("картинка с периодами по статье", "a picture of the periods the paper gives"), CommandArgument.PhaseOwner, Slash: true);

    public static readonly CommandSpec Fact = new("fact", [], new("<id>", "<id>"),
        new("факт или тема по идентификатору", "a fact or topic by its id"), Listed: false);

    public static IReadOnlyList<CommandSpec> All { get; } = [Start, Help, Country, Programme, Phases, Compare, Quote, Sources, Quiz, Score, Timeline, Language, Fact];

    public static IEnumerable<CommandSpec> Listed => All.Where(c => c.Listed);

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Matches(name));
}

public static class CommandArgumentExtensions
{
    /// <summary>The kinds of entity an argument is looked up among, preferred first (none for arguments that name no entity).</summary>
    public static EntityKind[] Kinds(this CommandArgument argument) => argument switch
    {
        CommandArgument.Country => [EntityKind.Country, EntityKind.Topic],
        CommandArgument.Programme => [EntityKind.Programme, EntityKind.Region],
        CommandArgument.PhaseOwner => [EntityKind.Country, EntityKind.Programme, EntityKind.Region, EntityKind.Phase, EntityKind.Topic],
        CommandArgument.Comparison => [EntityKind.Country, EntityKind.Region, EntityKind.Programme, EntityKind.Topic],
        CommandArgument.Topic => [EntityKind.Country, EntityKind.Topic, EntityKind.Programme, EntityKind.Region],
        _ => [],
    };
}
