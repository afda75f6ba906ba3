using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// One answerable unit of the knowledge base — a fact, or the overview of an entity — with what the ranker
/// needs precomputed: its stems and the entities it belongs to (its own and all their ancestors).
/// </summary>
public sealed class SearchDocument
{
    public required string Id { get; init; }
    public Fact? Fact { get; init; }
    public Entity? Entity { get; init; }
    public required IReadOnlySet<string> Stems { get; init; }

    /// <summary>Stems of what the document says (without its aliases): a name's words count only where they are used.</summary>
    public required IReadOnlySet<string> TextStems { get; init; }
    public required IReadOnlySet<string> EntityClosure { get; init; }

    /// <summary>The country or topic at the root of the document's entities.</summary>
    public required IReadOnlySet<string> Roots { get; init; }

    public Cite Cite => Fact?.Cite ?? Entity!.Cite;

    public bool IsOverview => Entity is not null;

    public bool HasNumbers => Fact is { } f && (f.Numbers.Count > 0 || f.Kind == FactKind.Count || f.Kind == FactKind.Figure);

    public bool HasYears => Fact is { } f ? f.Years.Count > 0 || f.Kind == FactKind.Date : Entity!.Start is not null || Entity.Years.Count > 0;

    /// <summary>The text a search engine indexes for this document, in both languages.</summary>
    public IEnumerable<string> IndexTexts() => Fact is not null ? OwnTexts() : OwnTexts().Concat(Entity!.Aliases.All);

    /// <summary>What the document states, in both languages: a fact's text and items, an entity's name and summary.</summary>
    public IEnumerable<string> StatementTexts() => Fact is { } f
        ? new[] { f.Text.Ru, f.Text.En }.Concat(f.ItemTexts.All)
        : [Entity!.Name.Ru, Entity.Name.En, Entity.Summary.Ru, Entity.Summary.En];

    /// <summary>What the document states, each text with its translation.</summary>
    public IEnumerable<Localized> StatementPairs() => Fact is { } f
        ? new[] { f.Text }.Concat(f.Items.Select(i => i.Text))
        : [Entity!.Name, Entity.Summary];

    private IReadOnlySet<string>? _ownTokens;

    /// <summary>
    /// The words of what the document itself says, as written: a claim's figures are looked up among them. Computed once,
    /// on first use (a race only computes the same set twice).
    /// </summary>
    public IReadOnlySet<string> OwnTokens => _ownTokens ??= OwnTexts().SelectMany(TextNormaliser.Tokenise).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the document itself says: a fact's text, items and keywords; an entity's names and summary.</summary>
    public IEnumerable<string> OwnTexts()
    {
        // Students' questions the curator wrote for it are part of what it answers: their words find it.
        if (Fact is { } f)
        {
            return new[] { f.Text.Ru, f.Text.En }.Concat(f.ItemTexts.All).Concat(f.Keywords.All).Concat(f.Asks.All)
                .Concat(f.Items.SelectMany(i => i.Asks.All));
        }

        var e = Entity!;
        return new[] { e.Name.Ru, e.Name.En, e.Summary.Ru, e.Summary.En }.Concat(e.Asks.All);
    }
}
