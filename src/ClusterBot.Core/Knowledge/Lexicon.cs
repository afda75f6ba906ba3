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
}

/// <summary>Something a question may ask of a named thing (its budget, founder, population …), with the words that ask for it.</summary>
/// <param name="Words">Words and phrases that ask for it; an entry gives the attribute when its text uses one of them.</param>
public sealed record LexiconAttribute(string Id, Localized Name, IReadOnlyList<string> Words);
