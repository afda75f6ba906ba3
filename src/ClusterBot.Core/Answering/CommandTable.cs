using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>One chat command: its name, arguments and description in both languages.</summary>
/// <param name="Listed">Shown in /help and registered with the platforms; unlisted ones serve follow-up buttons.</param>
public sealed record CommandSpec(string Name, IReadOnlyList<string> Aliases, Localized Usage, Localized Description, bool Listed = true)
{
    public bool Matches(string name) => Name == name || Aliases.Contains(name);
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
        new("список команд", "list of commands"));

    public static readonly CommandSpec Country = new("country", ["страна"], new("<страна>", "<country>"),
        new("кластерная политика страны: Германия, Южная Корея, Китай", "a country's cluster policy: Germany, South Korea, China"));

    public static readonly CommandSpec Programme = new("programme", ["program", "программа"], new("<программа>", "<programme>"),
        new("программа или регион: TORCH, go-cluster, Leading-Edge, Бавария …", "a programme or region: TORCH, go-cluster, Leading-Edge, Bavaria …"));

    public static readonly CommandSpec Phases = new("phases", ["stages", "этапы"], new("<страна или программа>", "<country or programme>"),
        new("этапы кластерной политики или программы", "the phases of a cluster policy or programme"));

    public static readonly CommandSpec Compare = new("compare", ["сравнить"], new("<страна> <страна>", "<country> <country>"),
        new("сравнить две страны", "compare two countries"));

    public static readonly CommandSpec Sources = new("sources", ["source", "источники"], new("", ""),
        new("статья, на которой основаны ответы, и её источники", "the paper behind the answers and its references"));

    public static readonly CommandSpec Language = new("lang", ["language", "язык"], new("ru|en", "ru|en"),
        new("язык ответов в этом чате", "reply language in this chat"));

    public static readonly CommandSpec Fact = new("fact", [], new("<id>", "<id>"),
        new("факт или тема по идентификатору", "a fact or topic by its id"), Listed: false);

    public static IReadOnlyList<CommandSpec> All { get; } = [Start, Help, Country, Programme, Phases, Compare, Sources, Language, Fact];

    public static IEnumerable<CommandSpec> Listed => All.Where(c => c.Listed);

    public static CommandSpec? Find(string name) => All.FirstOrDefault(c => c.Matches(name));
}
