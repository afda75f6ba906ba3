using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>One list item's own words of the paper, by its place in the list.</summary>
public sealed record ItemQuote(int Order, IReadOnlyList<string> Quote);

/// <summary>
/// An entry whose words of the paper /quote shows: a fact, an entity, or one item of a list fact.
/// </summary>
/// <param name="Id">What /quote takes: the entry's id, or "&lt;fact id&gt;.&lt;n&gt;" for the n-th item of a list.</param>
/// <param name="DocumentId">The fact or entity the entry is (or belongs to): what the answer showed.</param>
/// <param name="Label">What the entry says or is called, to name it in a suggestion.</param>
/// <param name="Quote">The paper's passages; for an item without words of its own, its fact's.</param>
/// <param name="Items">For a list fact: the items' own passages, which complete the fact's.</param>
public sealed record QuotableEntry(string Id, string DocumentId, Localized Label, IReadOnlyList<string> Quote, IReadOnlyList<ItemQuote> Items, Cite Cite)
{
    public bool HasQuote => Quote.Count > 0 || Items.Count > 0;
}

/// <summary>Finds entries by the id /quote takes. Knowledge ids never hold a dot, so an item's id cannot clash with one.</summary>
public static class QuotableEntries
{
    public const char ItemSeparator = '.';

    public static string ItemId(string factId, int order) => $"{factId}{ItemSeparator}{order.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The entry an id names (with or without a quote), or null when it names nothing.</summary>
    public static QuotableEntry? Find(KnowledgeIndex index, string id)
    {
        var dot = id.LastIndexOf(ItemSeparator);
        if (dot > 0 && int.TryParse(id.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var order))
        {
            var owner = index.FindDocument(id[..dot])?.Fact;
            var item = owner?.Items.FirstOrDefault(i => i.Order == order);
            return owner is null || item is null ? null : OfItem(owner, item);
        }

        return index.FindDocument(id) switch
        {
            { Fact: { } fact } => OfFact(fact),
            { Entity: { } entity } => OfEntity(entity),
            _ => null,
        };
    }

    /// <summary>Every entry that has the paper's words, in the knowledge's order: entities, facts, then each fact's items.</summary>
    public static IEnumerable<QuotableEntry> All(KnowledgeIndex index) =>
        index.Entities.Select(OfEntity)
            .Concat(index.Knowledge.Facts.SelectMany(f => new[] { OfFact(f) }.Concat(f.Items.Where(i => i.Quote.Count > 0).Select(i => OfItem(f, i)))))
            .Where(e => e.HasQuote);

    private static QuotableEntry OfEntity(Entity e) => new(e.Id, e.Id, e.Name, e.Quote, [], e.Cite);

    private static QuotableEntry OfFact(Fact f) => new(f.Id, f.Id, f.Text, f.Quote,
        f.Items.Where(i => i.Quote.Count > 0).Select(i => new ItemQuote(i.Order, i.Quote)).ToList(), f.Cite);

    // An item cites what its fact cites: the validator checks its words against the fact's citation.
    private static QuotableEntry OfItem(Fact f, ListItem item) =>
        new(ItemId(f.Id, item.Order), f.Id, item.Text, item.Quote.Count > 0 ? item.Quote : f.Quote, [], f.Cite);
}
