namespace ClusterBot.Core.Answering;

/// <summary>
/// "В двух словах", "in one sentence", "in a nutshell": how short the reply should be, not what it is about (single words
/// such as "вкратце" and "briefly" are the lexicon's chat filler).
/// </summary>
public static class BrevityFrame
{
    private static readonly string[][] Phrases =
    [
        ["в", "двух", "словах"], ["в", "паре", "слов"], ["в", "одном", "предложении"], ["в", "двух", "предложениях"],
        ["в", "трёх", "предложениях"], ["в", "трех", "предложениях"], ["двумя", "словами"],
        ["in", "one", "sentence"], ["in", "two", "sentences"], ["in", "three", "sentences"], ["in", "a", "few", "words"], ["in", "a", "nutshell"],
        ["in", "short"], ["in", "brief"], ["tl", "dr"], ["tldr"],
    ];

    /// <summary>The positions of the phrase's words.</summary>
    public static IReadOnlyCollection<int> Positions(IReadOnlyList<string> tokens) =>
        Phrases.SelectMany(p => Text.Phrases.StartsOf(tokens, p).SelectMany(start => Enumerable.Range(start, p.Length))).ToHashSet();
}
