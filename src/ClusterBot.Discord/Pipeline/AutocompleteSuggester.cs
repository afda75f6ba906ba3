using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Discord.Rest;

namespace ClusterBot.Discord.Pipeline;

/// <summary>
/// Autocomplete choices for slash command options, from the knowledge as it is now: the entities of the kinds the
/// command's argument names, or (for /quote) the entries that have the paper's words, matched on ids, names and
/// aliases in both languages. In memory only, to answer well within 3 s.
/// </summary>
public sealed class AutocompleteSuggester(IKnowledgeSource knowledge)
{
    /// <summary>Discord shows at most 25 choices.</summary>
    public const int MaxChoices = 25;
    private const int MaxChoiceLength = 100;

    /// <param name="optionName">The option being typed in; null: the command's first.</param>
    public IReadOnlyList<AutocompleteChoice> Suggest(string commandName, string typed, Lang lang, string? optionName = null)
    {
        var command = CommandTable.Find(commandName);
        // Where the choices come from is declared with the command's option.
        var option = command?.Options.FirstOrDefault(o => o.Name == optionName) ?? (command is { Options.Count: > 0 } ? command.Options[0] : null);
        var needle = typed.Trim().ToLowerInvariant();
        var index = knowledge.Current.Index;
        return option?.Completion switch
        {
            CompletionSource.QuotableEntries => SuggestEntries(index, needle, lang),
            CompletionSource.Entities => SuggestEntities(index, command!.Argument.Kinds(), needle, lang),
            _ => [],
        };
    }

    private static List<AutocompleteChoice> SuggestEntities(KnowledgeIndex index, EntityKind[] kinds, string needle, Lang lang) =>
        index.Entities
            .Where(e => kinds.Contains(e.Kind))
            .Select(e => (Entity: e, Rank: Rank(needle, e.Id, KnowledgeValidator.AliasesOf(e))))
            .Where(x => x.Rank < int.MaxValue)
            .OrderBy(x => x.Rank)
            .ThenBy(x => Array.IndexOf(kinds, x.Entity.Kind))
            .ThenBy(x => x.Entity.Name[lang], StringComparer.Ordinal)
            .Take(MaxChoices)
            .Select(x => new AutocompleteChoice(Fit(x.Entity.Name[lang]), x.Entity.Id))
            .ToList();

    /// <summary>Entries in the knowledge's order; the choice shows the id, since that is what a quote is asked for by.</summary>
    private static List<AutocompleteChoice> SuggestEntries(KnowledgeIndex index, string needle, Lang lang) =>
        QuotableEntries.All(index)
            .Select(q => (Entry: q, Rank: Rank(needle, q.Id, NamesOf(index, q))))
            .Where(x => x.Rank < int.MaxValue)
            .OrderBy(x => x.Rank)
            .Take(MaxChoices)
            .Select(x => new AutocompleteChoice(Fit($"{x.Entry.Id} — {x.Entry.Label[lang]}"), x.Entry.Id))
            .ToList();

    private static IEnumerable<string> NamesOf(KnowledgeIndex index, QuotableEntry entry) =>
        index.FindEntity(entry.Id) is { } entity ? KnowledgeValidator.AliasesOf(entity) : [entry.Label.Ru, entry.Label.En];

    /// <summary>0: the id or a name starts with what was typed; 1: a word in a name does; 2: a name contains it; int.MaxValue: no match.</summary>
    private static int Rank(string needle, string id, IEnumerable<string> names)
    {
        if (needle.Length == 0) return 0;
        var best = id.StartsWith(needle, StringComparison.Ordinal) ? 0 : int.MaxValue;
        foreach (var name in names)
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
