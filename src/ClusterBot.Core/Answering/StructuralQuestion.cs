using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// Recognises a question that asks for a list the commands already give — the programmes of a country, the
/// phases of a policy — when it names one thing and says nothing else but "programmes" or "phases".
/// </summary>
public static class StructuralQuestion
{
    /// <summary>Words for a programme or competition, as stems: also what a yes/no claim of whose programme uses.</summary>
    internal static readonly HashSet<string> ProgrammeStems = Stems("программа", "программы", "программ", "programme", "programmes", "program", "programs",
        "конкурс", "конкурсы", "competition", "competitions");

    /// <summary>Words any such question may add without asking anything else: "the three phases of Korea's cluster policy".</summary>
    private static readonly HashSet<string> FrameStems = Stems("кластер", "кластерный", "кластерной", "политика", "политики", "cluster", "policy",
        "два", "две", "три", "четыре", "two", "three", "four", "mentioned", "упомянутые", "упоминаются", "все", "all",
        // "… и как они называются", "what are they called": the list gives their names.
        "называются", "называется", "названия", "название", "called", "named", "names", "описано", "описаны", "described");

    private static readonly HashSet<string> PhaseStems = Stems("этап", "этапы", "фаза", "фазы", "стадии", "phase", "phases", "stage", "stages");

    public sealed record Target(CommandSpec Command, string EntityId);

    public static Target? Route(QueryAnalysis query, KnowledgeIndex index)
    {
        // "When" too: the phases come with their years.
        // One thing named, or a thing with the country it belongs to ("the ICCP of Korea"): the narrower is meant.
        var named = query.EntityIds.Where(id => !query.EntityIds.Any(other => other != id && index.RootOf(other)?.Id == id)).ToList();
        if (named.Count != 1 || query.Intent is not (Intent.List or Intent.None or Intent.Count or Intent.Definition or Intent.When))
        {
            return null;
        }

        var words = query.Terms.Where(t => !t.FromAlias).Select(t => t.Stem).Where(w => !FrameStems.Contains(w) && !QueryAnalysis.IsNumber(w)).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var entity = index.FindEntity(named[0]);
        if (entity is null)
        {
            return null;
        }

        // "How many clusters did Korea create in the initial phase?" counts clusters: the phases are where, not what.
        var counted = query.Intent == Intent.Count ? query.Counted?.Stem : null;

        if (query.Intent != Intent.When && words.All(ProgrammeStems.Contains) && (counted is null || ProgrammeStems.Contains(counted)) && entity.Kind is EntityKind.Country or EntityKind.Topic &&
            index.ChildrenOf(entity.Id).Any(e => e.Kind is EntityKind.Programme or EntityKind.Region))
        {
            return new Target(CommandTable.Programme, entity.Id);
        }

        if (words.All(PhaseStems.Contains) && (counted is null || PhaseStems.Contains(counted)) && index.ChildrenOf(entity.Id, EntityKind.Phase).Any())
        {
            return new Target(CommandTable.Phases, entity.Id);
        }

        return null;
    }

    private static HashSet<string> Stems(params string[] words) => words.Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);
}
