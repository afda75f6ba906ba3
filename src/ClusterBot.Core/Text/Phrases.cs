namespace ClusterBot.Core.Text;

/// <summary>Where a phrase (a sequence of tokens or stems) stands in a longer sequence: one matcher for intents, attributes and synonyms.</summary>
public static class Phrases
{
    /// <summary>The positions at which the phrase starts in the sequence.</summary>
    public static IEnumerable<int> StartsOf(IReadOnlyList<string> sequence, IReadOnlyList<string> phrase)
    {
        for (var i = 0; i + phrase.Count <= sequence.Count; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Count && match; j++)
            {
                match = sequence[i + j] == phrase[j];
            }

            if (match) yield return i;
        }
    }

    public static bool Contains(IReadOnlyList<string> sequence, IReadOnlyList<string> phrase) => StartsOf(sequence, phrase).Any();
}
