namespace ClusterBot.Core.Knowledge;

/// <summary>
/// The domain's general vocabulary (<c>knowledge/lexicon.yaml</c>): what students' words mean, independent of any one
/// fact. Fillers are chat words that carry no content; each synonym group is words (or phrases) a student uses
/// for one idea; each attribute is something a question may ask of a thing, which lets the bot say that the paper
/// does not give it.
/// </summary>
public sealed record Lexicon(IReadOnlyList<string> Fillers, IReadOnlyList<IReadOnlyList<string>> Synonyms, IReadOnlyList<LexiconAttribute> Attributes)
{
    public static readonly Lexicon Empty = new([], [], []);

    /// <summary>Places of the world by name: one the paper's text does not know is a place it does not study.</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>Pairs of words on the two sides of one scale (central ~ provincial): a claim of one side, where the paper states the other, is denied.</summary>
    public IReadOnlyList<LexiconOpposites> Opposites { get; init; } = [];

    /// <summary>
    /// Pairs of comparatives (easier ~ harder): "A is easier than B" says B is harder, so a claim is checked by which side
    /// of the comparison its subject stands on.
    /// </summary>
    public IReadOnlyList<LexiconOpposites> Comparatives { get; init; } = [];
}

/// <summary>Words (or phrases) for one side of a scale, and those for the other.</summary>
public sealed record LexiconOpposites(IReadOnlyList<string> One, IReadOnlyList<string> Other);

/// <summary>Something a question may ask of a named thing (its budget, founder, population …), with the words that ask for it.</summary>
/// <param name="Words">Words and phrases that ask for it; an entry gives the attribute when its text uses one of them.</param>
/// <param name="Units">
/// Words that state an amount of it ("евро", "million"). A "how much" question is given the attribute only by an entry
/// stating a figure with one of them: "other funding measures" speaks of funding but gives no sum.
/// </param>
/// <param name="OnlyHowMuch">Asked only by a "how much / how many" question: "роль инвестиций" asks no amount, "сколько инвестиций" does.</param>
public sealed record LexiconAttribute(string Id, Localized Name, IReadOnlyList<string> Words)
{
    public IReadOnlyList<string> Units { get; init; } = [];

    public bool OnlyHowMuch { get; init; }
}
