using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>
/// What the bot names when it says what it knows: the countries and topics, a few programmes, an example
/// question, an example of each command. All of it comes from the knowledge, so a new country is a new file
/// and no name is written in code. Countries and topics come in the paper's order (of the sections they cite).
/// </summary>
public sealed class KnowledgeShowcase
{
    private const int SampleSize = 3;

    public KnowledgeShowcase(KnowledgeIndex index)
    {
        var sections = index.Knowledge.Sections.Select((s, i) => (s.Id, i)).DistinctBy(s => s.Id).ToDictionary(s => s.Id, s => s.i, StringComparer.Ordinal);
        int Place(Entity e) => sections.GetValueOrDefault(e.Cite.Section, int.MaxValue);

        // OrderBy is stable: subjects citing one section keep the knowledge's (file) order.
        var subjects = index.Entities.Where(e => e.ParentId is null).OrderBy(Place).ToList();
        var rank = subjects.Select((s, i) => (s.Id, i)).ToDictionary(s => s.Id, s => s.i, StringComparer.Ordinal);
        int RankOf(string entityId) => index.RootOf(entityId) is { } root ? rank.GetValueOrDefault(root.Id, int.MaxValue) : int.MaxValue;

        PaperTitle = index.Knowledge.PaperTitle;
        Countries = subjects.Where(e => e.Kind == EntityKind.Country).ToList();
        Topics = subjects.Where(e => e.Kind == EntityKind.Topic).ToList();
        var entities = index.Entities.OrderBy(e => RankOf(e.Id)).ToList();
        Entities = entities;
        var facts = index.Knowledge.Facts.OrderBy(f => f.About.Count == 0 ? int.MaxValue : f.About.Min(RankOf)).ToList();

        // One programme of each country or topic in turn, so the sample shows the range.
        SampleProgrammes = subjects.Select(s => index.ChildrenOf(s.Id).FirstOrDefault(e => e.Kind is EntityKind.Programme or EntityKind.Region))
            .OfType<Entity>().Take(SampleSize).ToList();
        MoreProgrammes = index.Entities.Count(e => e.Kind is EntityKind.Programme or EntityKind.Region) > SampleProgrammes.Count;
        PhaseOwner = entities.FirstOrDefault(e => e.Kind != EntityKind.Phase && index.ChildrenOf(e.Id, EntityKind.Phase).Any());
        var quoted = QuotableEntries.All(index).ToDictionary(q => q.Id, StringComparer.Ordinal);
        QuotedExample = facts.Select(f => quoted.GetValueOrDefault(f.Id)).Concat(entities.Select(e => quoted.GetValueOrDefault(e.Id))).FirstOrDefault(q => q is not null);
        _questions = new Localized(
            facts.Select(f => f.Asks.Ru).Concat(entities.Select(e => e.Asks.Ru)).SelectMany(a => a).FirstOrDefault() ?? "",
            facts.Select(f => f.Asks.En).Concat(entities.Select(e => e.Asks.En)).SelectMany(a => a).FirstOrDefault() ?? "");
    }

    private readonly Localized _questions;

    public Localized PaperTitle { get; }

    /// <summary>The countries, in the paper's order.</summary>
    public IReadOnlyList<Entity> Countries { get; }

    /// <summary>The topics that are not countries (a ranking, the conclusions), in the paper's order.</summary>
    public IReadOnlyList<Entity> Topics { get; }

    /// <summary>Every entity, those of one country or topic together, in the paper's order of their countries and topics.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>A few programmes or regions: the first of each country or topic.</summary>
    public IReadOnlyList<Entity> SampleProgrammes { get; }

    /// <summary>Whether there are programmes or regions besides the sample.</summary>
    public bool MoreProgrammes { get; }

    /// <summary>The first thing that has phases, or null.</summary>
    public Entity? PhaseOwner { get; }

    /// <summary>An entry with the paper's words, a fact where there is one, or null when nothing is quoted yet.</summary>
    public QuotableEntry? QuotedExample { get; }

    /// <summary>A question as students ask it (the knowledge's first `asks`), or null when none is written.</summary>
    public string? ExampleQuestion(Lang lang) => _questions[lang].Length > 0 ? _questions[lang] : null;

    /// <summary>The command as an example ("/compare germany korea"), or null when the knowledge has nothing to show for it.</summary>
    public string? Example(CommandSpec command)
    {
        var argument = command.Argument switch
        {
            CommandArgument.None => "",
            CommandArgument.Country => Countries.Count > 0 ? Countries[0].Id : null,
            CommandArgument.Programme => SampleProgrammes.Count > 0 ? SampleProgrammes[0].Id : null,
            CommandArgument.PhaseOwner => PhaseOwner?.Id,
            CommandArgument.Comparison => Countries.Count >= 2 ? $"{Countries[0].Id} {Countries[1].Id}" : null,
            CommandArgument.Entry => QuotedExample?.Id,
            CommandArgument.Topic => Countries.Count > 0 ? Countries[0].Id : null,
            CommandArgument.Me => "me",
            _ => null,
        };
        return argument switch
        {
            null => null,
            "" => "/" + command.Name,
            _ => $"/{command.Name} {argument}",
        };
    }

    /// <summary>Something to try: an example question in quotation marks, else an example command.</summary>
    public string Hint(Lang lang) => ExampleQuestion(lang) is { } question
        ? UiText.Quoted(question, lang)
        : Example(CommandTable.Country) ?? "/" + CommandTable.Help.Name;
}
