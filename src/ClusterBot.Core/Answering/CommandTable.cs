using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>
/// What a command's argument names. It decides the kinds of entity the argument is looked up among, what a
/// command's description lists, its example in /help and what Discord's autocomplete offers.
/// </summary>
public enum CommandArgument { None, Country, Programme, PhaseOwner, Comparison, Entry, Language, Topic, Me }

/// <summary>Where a command option's autocomplete choices come from (Discord offers them as the user types).</summary>
public enum CompletionSource
{
    /// <summary>Nothing to offer: free text (a language, "me").</summary>
    None,

    /// <summary>The entities of the kinds the command's argument names (countries, programmes …).</summary>
    Entities,

    /// <summary>The entries that have the paper's own words (for /quote).</summary>
    QuotableEntries,
}

/// <summary>One option of a command where a platform asks for it on its own (a Discord slash command option).</summary>
public sealed record CommandOption(string Name, Localized Description, bool Required = false, CompletionSource Completion = CompletionSource.Entities);

/// <summary>What a command's handler gets: the replies of this language over this snapshot, and what was asked.</summary>
internal sealed record CommandRun(CommandHandlers Handlers, Study.StudyCommands Study, CommandSpec Spec, string Argument, Question Question);

/// <summary>
/// One chat command, all of it in one place: its name and aliases, its argument and usage, its help text, what answers
/// it, whether it is in the menus (/help, Telegram's setMyCommands) and a Discord slash command, and the slash options
/// with where their autocomplete comes from.
/// </summary>
/// <param name="Description">What it does; for a command whose argument names a country or programme, the knowledge's
/// names are added after it (see <see cref="Describe"/>), so no name is written in code.</param>
/// <param name="Listed">Shown in /help and registered with the platforms; unlisted ones serve follow-up buttons.</param>
/// <param name="Slash">Registered as a Discord slash command too, with <see cref="Options"/>.</param>
public sealed record CommandSpec(
    string Name,
    IReadOnlyList<string> Aliases,
    Localized Usage,
    Localized Description,
    CommandArgument Argument = CommandArgument.None,
    bool Listed = true,
    bool Slash = false)
{
    /// <summary>The options a slash command asks for; their values, joined, are the command's argument.</summary>
    public IReadOnlyList<CommandOption> Options { get; init; } = [];

    /// <summary>What answers the command.</summary>
    internal Func<CommandRun, Reply> Handler { get; init; } = run => AnswerEngine.Fallback(run.Handlers.Lang, ReplyOutcome.Invalid, UiText.UnknownCommand(run.Spec.Name)[run.Handlers.Lang]);

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
/// The single list of commands: /help, Telegram's setMyCommands, Discord's slash commands and the engine's dispatch
/// are all read from it, so adding a command is one entry here (and its handler's reply).
/// </summary>
public static class CommandTable
{
    public static readonly CommandSpec Start = new("start", [], new("", ""),
        new("приветствие и что я умею", "welcome and what I can do"))
    {
        Handler = run => run.Handlers.Help(welcome: true),
    };

    public static readonly CommandSpec Help = new("help", [], new("", ""),
        new("список команд", "list of commands"), Slash: true)
    {
        Handler = run => run.Handlers.Help(welcome: false),
    };

    public static readonly CommandSpec Country = new("country", ["страна"], new("<страна>", "<country>"),
        new("кластерная политика страны", "a country's cluster policy"), CommandArgument.Country, Slash: true)
    {
        Options = [new("country", new("страна", "country"))],
        Handler = run => run.Handlers.Entity(run.Argument, run.Spec.Argument.Kinds(), run.Spec),
    };

    public static readonly CommandSpec Programme = new("programme", ["program", "программа"], new("<программа>", "<programme>"),
        new("программа или регион", "a programme or region"), CommandArgument.Programme, Slash: true)
    {
        Options = [new("programme", new("программа или регион", "programme or region"))],
        Handler = run => run.Handlers.Entity(run.Argument, run.Spec.Argument.Kinds(), run.Spec),
    };

    public static readonly CommandSpec Phases = new("phases", ["stages", "этапы"], new("<страна или программа>", "<country or programme>"),
        new("этапы кластерной политики или программы", "the phases of a cluster policy or programme"), CommandArgument.PhaseOwner)
    {
        Options = [new("of", new("страна или программа", "country or programme"))],
        Handler = run => run.Handlers.Phases(run.Argument),
    };

    public static readonly CommandSpec Compare = new("compare", ["сравнить"], new("<страна> <страна>", "<country> <country>"),
        new("сравнить две страны", "compare two countries"), CommandArgument.Comparison, Slash: true)
    {
        Options =
        [
            new("first", new("первая страна или программа", "first country or programme"), Required: true),
            new("second", new("вторая страна или программа", "second country or programme"), Required: true),
        ],
        Handler = run => run.Handlers.Compare(run.Argument),
    };

    public static readonly CommandSpec Quote = new("quote", ["цитата", "citation"], new("<id>", "<id>"),
        new("слова статьи, на которых основан ответ", "the paper's own words behind an answer"),
        CommandArgument.Entry, Slash: true)
    {
        Options = [new("id", new("запись: факт, тема или пункт списка", "entry: a fact, a topic or a list item"), Required: true, CompletionSource.QuotableEntries)],
        Handler = run => run.Handlers.Quote(run.Argument),
    };

    public static readonly CommandSpec Sources = new("sources", ["source", "источники"], new("", ""),
        new("статья, на которой основаны ответы, и её источники", "the paper behind the answers and its references"))
    {
        Handler = run => run.Handlers.Sources(),
    };

    public static readonly CommandSpec Language = new("lang", ["language", "язык"], new("ru|en", "ru|en"),
        new("язык ответов в этом чате", "reply language in this chat"), CommandArgument.Language)
    {
        Options = [new("language", new("ru или en", "ru or en"), Required: true, CompletionSource.None)],
        Handler = run => run.Handlers.Language(run.Argument),
    };

    public static readonly CommandSpec Quiz = new("quiz", ["викторина", "вопрос"], new("[тема]", "[topic]"),
        new("вопрос для самопроверки по статье", "a question to test yourself on the paper"), CommandArgument.Topic, Slash: true)
    {
        Options = [new("topic", new("страна, программа или gii; без темы — любой вопрос", "a country, programme or gii; none: any question"))],
        Handler = run => run.Study.Quiz(run.Argument, Random.Shared.Next()),
    };

    public static readonly CommandSpec Score = new("score", ["счёт", "счет", "рейтинг"], new("[me]", "[me]"),
        new("рейтинг чата по викторине", "this chat's quiz leaderboard"), CommandArgument.Me, Slash: true)
    {
        Options = [new("who", new("me — только мой счёт", "me: only my score"), Completion: CompletionSource.None)],
        Handler = run => run.Study.Score(run.Argument, run.Question),
    };

    public static readonly CommandSpec Timeline = new("timeline", ["хронология"], new("<страна или программа>", "<country or programme>"),
        new("картинка с периодами по статье", "a picture of the periods the paper gives"), CommandArgument.PhaseOwner, Slash: true)
    {
        Options = [new("of", new("страна или программа", "country or programme"))],
        Handler = run => run.Study.Timeline(run.Argument),
    };

    public static readonly CommandSpec Fact = new("fact", [], new("<id>", "<id>"),
        new("факт или тема по идентификатору", "a fact or topic by its id"), Listed: false)
    {
        Handler = run => run.Handlers.Show(run.Argument),
    };

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
