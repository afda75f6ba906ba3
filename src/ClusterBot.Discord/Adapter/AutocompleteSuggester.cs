using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Adapter;

/// <summary>
/// Autocomplete choices for slash command options: the knowledge base's entities of the kinds the command
/// takes, matched on their names and aliases in both languages. In memory only, to answer well within 3 s.
/// </summary>
public sealed class AutocompleteSuggester(IKnowledgeSource knowledge)
{
    /// <summary>Discord shows at most 25 choices.</summary>
    public const int MaxChoices = 25;
    private const int MaxChoiceLength = 100;

    public IReadOnlyList<AutocompleteChoice> Suggest(string commandName, string typed, Lang lang)
    {
        var kinds = KindsFor(commandName);
        if (kinds.Length == 0) return [];

        var needle = typed.Trim().ToLowerInvariant();
        var index = knowledge.Current.Index;
        return index.Entities
            .Where(e => kinds.Contains(e.Kind))
            .Select(e => (Entity: e, Rank: Rank(e, needle)))
            .Where(x => x.Rank < int.MaxValue)
            .OrderBy(x => x.Rank)
            .ThenBy(x => Array.IndexOf(kinds, x.Entity.Kind))
            .ThenBy(x => x.Entity.Name[lang], StringComparer.Ordinal)
            .Take(MaxChoices)
            .Select(x => new AutocompleteChoice(Fit(x.Entity.Name[lang]), x.Entity.Id))
            .ToList();
    }

    private static EntityKind[] KindsFor(string commandName) => commandName switch
    {
        "country" => [EntityKind.Country, EntityKind.Topic],
        "programme" => [EntityKind.Programme, EntityKind.Region],
        "compare" => [EntityKind.Country, EntityKind.Region, EntityKind.Programme, EntityKind.Topic],
        _ => [],
    };

    /// <summary>0: a name starts with what was typed; 1: a word in it does; 2: it contains it; int.MaxValue: no match.</summary>
    private static int Rank(Entity entity, string needle)
    {
        if (needle.Length == 0) return 0;
        var best = entity.Id.StartsWith(needle, StringComparison.Ordinal) ? 0 : int.MaxValue;
        foreach (var name in new[] { entity.Name.Ru, entity.Name.En }.Concat(entity.Aliases.All))
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith(needle, StringComparison.Ordinal)) return 0;
            if (lower.Split(' ', '-').Any(w => w.StartsWith(needle, StringComparison.Ordinal))) best = Math.Min(best, 1);
            else if (lower.Contains(needle, StringComparison.Ordinal)) best = Math.Min(best, 2);
        }

        return best;
    }

    private static string Fit(string text) => text.Length <= MaxChoiceLength ? text : text[..(MaxChoiceLength - 1)] + "…";
}
