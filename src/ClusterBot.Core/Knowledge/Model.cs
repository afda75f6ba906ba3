namespace ClusterBot.Core.Knowledge;

/// <summary>The two languages the bot speaks.</summary>
public enum Lang { Ru, En }

public static class LangExtensions
{
    public static string Code(this Lang lang) => lang == Lang.Ru ? "ru" : "en";

    public static Lang? ParseLang(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "ru" or "rus" or "russian" or "русский" or "ру" => Lang.Ru,
        "en" or "eng" or "english" or "английский" or "ен" => Lang.En,
        _ => null,
    };
}

/// <summary>A text in both languages.</summary>
public sealed record Localized(string Ru, string En)
{
    public string this[Lang lang] => lang == Lang.Ru ? Ru : En;
}

/// <summary>A list in both languages.</summary>
public sealed record LocalizedList(IReadOnlyList<string> Ru, IReadOnlyList<string> En)
{
    public static readonly LocalizedList Empty = new([], []);

    public IReadOnlyList<string> this[Lang lang] => lang == Lang.Ru ? Ru : En;

    public IEnumerable<string> All => Ru.Concat(En);
}

/// <summary>Where in the paper a statement comes from: its section and the reference numbers it cites.</summary>
public sealed record Cite(string Section, IReadOnlyList<int> Refs);

public enum EntityKind { Country, Topic, Region, Programme, Phase }

/// <summary>A named thing a student can ask about: a country, topic, region, programme or phase.</summary>
public sealed record Entity(
    string Id,
    EntityKind Kind,
    string? ParentId,
    Localized Name,
    LocalizedList Aliases,
    Localized Summary,
    Cite Cite,
    int? Order,
    int? Start,
    int? End,
    IReadOnlyList<int> Years,
    SourceLocation Location)
{
    /// <summary>The paper's own words the entry rests on: one passage, or several for an entry built from several sentences.</summary>
    public IReadOnlyList<string> Quote { get; init; } = [];

    /// <summary>Questions as students ask them, which this entry answers (matched like its text).</summary>
    public LocalizedList Asks { get; init; } = LocalizedList.Empty;
}

public enum FactKind { Count, Date, List, Definition, Figure, Statement }

/// <summary>One statement of the paper, in both languages, with its citation.</summary>
public sealed record Fact(
    string Id,
    IReadOnlyList<string> About,
    FactKind Kind,
    Localized Text,
    IReadOnlyList<ListItem> Items,
    LocalizedList Keywords,
    IReadOnlyList<decimal> Numbers,
    IReadOnlyList<int> Years,
    Cite Cite,
    IReadOnlyList<string> See,
    SourceLocation Location)
{
    /// <summary>The paper's own words the fact rests on.</summary>
    public IReadOnlyList<string> Quote { get; init; } = [];

    /// <summary>Questions as students ask them, which this fact answers.</summary>
    public LocalizedList Asks { get; init; } = LocalizedList.Empty;

    /// <summary>The items' texts, per language, in order.</summary>
    public LocalizedList ItemTexts => new(Items.Select(i => i.Text.Ru).ToList(), Items.Select(i => i.Text.En).ToList());
}

/// <summary>One item of a list fact: a question can address it alone ("what does Wonju make?", "who is third?").</summary>
/// <param name="Order">Its place in the list, from 1.</param>
public sealed record ListItem(int Order, Localized Text, SourceLocation Location)
{
    /// <summary>The paper's words for this item, where they are its own (else the fact's quote covers it).</summary>
    public IReadOnlyList<string> Quote { get; init; } = [];

    public LocalizedList Asks { get; init; } = LocalizedList.Empty;
}

public sealed record Section(string Id, Localized Title);

public sealed record Reference(int Number, string Section, Localized CitedFor);

/// <summary>Where a knowledge item was written, for error messages.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public static readonly SourceLocation None = new("", 0);

    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Everything the bot knows, as read from the knowledge files or the store.</summary>
public sealed class KnowledgeBase
{
    public required Localized PaperTitle { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }
    public required IReadOnlyList<Reference> References { get; init; }
    public required IReadOnlyList<Entity> Entities { get; init; }
    public required IReadOnlyList<Fact> Facts { get; init; }

    public Lexicon Lexicon { get; init; } = Lexicon.Empty;

    /// <summary>Content hash of the files it was read from; the store rebuilds only when it changes.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>What the quote check found, when the paper was there to check against.</summary>
    public QuoteCounts? Quotes { get; private init; }

    public KnowledgeBase WithQuoteCounts(QuoteCounts counts) => new()
    {
        PaperTitle = PaperTitle, Sections = Sections, References = References, Entities = Entities, Facts = Facts, Lexicon = Lexicon,
        ContentHash = ContentHash, Quotes = counts,
    };
}
