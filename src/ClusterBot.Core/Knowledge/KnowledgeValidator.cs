using ClusterBot.Core.Text;

namespace ClusterBot.Core.Knowledge;

/// <summary>
/// Checks the rules a curator must keep: unique ids, aliases unique to one thing, every citation
/// pointing at a known section and reference, every cross-reference pointing at something that exists.
/// </summary>
public static class KnowledgeValidator
{
    public static IReadOnlyList<KnowledgeError> Validate(KnowledgeBase kb)
    {
        var errors = new List<KnowledgeError>();
        var sections = kb.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var references = kb.References.Select(r => r.Number).ToHashSet();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

        void Add(SourceLocation at, string message) => errors.Add(new KnowledgeError(at.File, at.Line, message));

        foreach (var group in kb.References.GroupBy(r => r.Number).Where(g => g.Count() > 1))
        {
            errors.Add(new KnowledgeError(KnowledgeYamlReader.SourcesFile, 0, $"reference [{group.Key}] is described twice"));
        }

        foreach (var r in kb.References.Where(r => !sections.Contains(r.Section)))
        {
            errors.Add(new KnowledgeError(KnowledgeYamlReader.SourcesFile, 0, $"reference [{r.Number}] names unknown section '{r.Section}'"));
        }

        void CheckId(string id, SourceLocation at)
        {
            if (string.IsNullOrEmpty(id)) return; // already reported as missing
            if (!IsValidId(id)) Add(at, $"id '{id}' must be lower-case ASCII letters, digits and hyphens");
            if (ids.TryGetValue(id, out var first)) Add(at, $"duplicate id '{id}' (first defined at {first})");
            else ids[id] = at;
        }

        void CheckCite(Cite cite, SourceLocation at, string owner)
        {
            if (string.IsNullOrEmpty(cite.Section))
            {
                Add(at, $"'{owner}' has no citation (`cite: {{section, refs}}`)");
                return;
            }

            if (!sections.Contains(cite.Section)) Add(at, $"'{owner}' cites unknown section '{cite.Section}'");
            foreach (var r in cite.Refs.Where(r => !references.Contains(r)))
            {
                Add(at, $"'{owner}' cites unknown reference [{r}]");
            }
        }

        foreach (var e in kb.Entities)
        {
            CheckId(e.Id, e.Location);
            CheckCite(e.Cite, e.Location, e.Id);
        }

        foreach (var f in kb.Facts)
        {
            CheckId(f.Id, f.Location);
            CheckCite(f.Cite, f.Location, f.Id);
            if (f.Kind == FactKind.List && f.Items.Count == 0) Add(f.Location, $"list fact '{f.Id}' has no items");
            if (f.About.Count == 0) Add(f.Location, $"fact '{f.Id}' says nothing of what it is `about`");
        }

        foreach (var e in kb.Entities.Where(e => e.ParentId is not null && !ids.ContainsKey(e.ParentId)))
        {
            Add(e.Location, $"'{e.Id}' belongs to unknown id '{e.ParentId}'");
        }

        foreach (var f in kb.Facts)
        {
            foreach (var about in f.About.Where(a => !ids.ContainsKey(a) || kb.Facts.Any(x => x.Id == a)))
            {
                Add(f.Location, $"fact '{f.Id}' is about unknown country/region/programme/phase '{about}'");
            }

            foreach (var see in f.See.Where(s => !ids.ContainsKey(s)))
            {
                Add(f.Location, $"fact '{f.Id}' refers to unknown id '{see}' in `see`");
            }
        }

        CheckAliases(kb, errors);
        return errors;
    }

    /// <summary>Names and aliases are matched as stem sequences, so two things must never share one.</summary>
    private static void CheckAliases(KnowledgeBase kb, List<KnowledgeError> errors)
    {
        var owners = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var e in kb.Entities)
        {
            foreach (var alias in AliasesOf(e).Distinct())
            {
                var key = string.Join(' ', WordStemmer.StemAll(alias));
                if (key.Length == 0)
                {
                    errors.Add(new KnowledgeError(e.Location.File, e.Location.Line, $"'{e.Id}' has an alias with no letters or digits: '{alias}'"));
                    continue;
                }

                if (owners.TryGetValue(key, out var other) && other.Id != e.Id)
                {
                    errors.Add(new KnowledgeError(e.Location.File, e.Location.Line,
                        $"alias '{alias}' of '{e.Id}' clashes with '{other.Id}' ({other.Location})"));
                }
                else
                {
                    owners[key] = e;
                }
            }
        }
    }

    /// <summary>Every string that names an entity: its names and aliases in both languages.</summary>
    public static IEnumerable<string> AliasesOf(Entity e) =>
        new[] { e.Name.Ru, e.Name.En }.Concat(e.Aliases.All).Where(a => !string.IsNullOrWhiteSpace(a));

    private static bool IsValidId(string id) =>
        id.Length is > 0 and <= 48 && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
