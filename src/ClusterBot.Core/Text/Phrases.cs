namespace ClusterBot.Core.Text;

/// <summary>Where a phrase (a sequence of tokens or stems) stands in a longer sequence: one matcher for intents, attributes and synonyms.</summary>
public static class Phrases
{
    /// <summary>The positions at which the phrase starts in the sequence.</summary>
    public static IEnumerable<int> StartsOf(IReadOnlyList<string> sequence, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= sequence.Count; i++)
        {
            if (StartsAt(sequence, i, phrase)) yield return i;
        }
    }

    /// <summary>Whether the phrase stands in the sequence from that position on.</summary>
    public static bool StartsAt(IReadOnlyList<string> sequence, int start, IReadOnlyList<string> phrase)
    {
        if (start < 0 || start + phrase.Count > sequence.Count) return false;
        for (var j = 0; j < phrase.Count; j++)
        {
            if (sequence[start + j] != phrase[j]) return false;
        }

        return true;
    }

    public static bool Contains(IReadOnlyList<string> sequence, IReadOnlyList<string> phrase) => StartsOf(sequence, phrase).Any();
}
