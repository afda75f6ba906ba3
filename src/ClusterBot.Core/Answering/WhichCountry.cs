using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>
/// "Какая страна …", "в какой стране", "which country", "what country": a question whose answer is a country. The word
/// "country" is then what is asked, and the reply names the country of the fact it gives.
/// </summary>
public static class WhichCountry
{
    private static readonly HashSet<string> CountryWords = new(StringComparer.Ordinal)
    {
        "страна", "страны", "стране", "страну", "странах", "стран", "странам", "страной", "государство", "государства",
        "country", "countries", "nation", "nations",
    };

    /// <summary>Where the asked word "country" stands, or -1 when the question does not ask which country.</summary>
    public static int Position(IReadOnlyList<string> tokens)
    {
        for (var k = 1; k < tokens.Count; k++)
        {
            if (CountryWords.Contains(tokens[k]) && WhichName.Which.Contains(tokens[k - 1])) return k;
        }

        return -1;
    }

    /// <summary>
    /// What "which country" weighs in a question: as much as a fairly rare word. A fact of the named thing's one country
    /// answers that much of "which country used OVOP", whatever verb the question uses.
    /// </summary>
    public const double AskedWeight = 2.0;

    /// <summary>
    /// Whether the question asks the country of something it names that belongs to one: "which country used OVOP".
    /// Without a named thing ("which country has the number one cluster") any country's fact would do; of a named
    /// country ("опыт каких стран использовала Корея") another country is asked; a topic ("which country leads the
    /// GII") has none of its own.
    /// </summary>
    public static bool AskedOfNamedThing(QueryAnalysis query, KnowledgeIndex index) =>
        query.AsksWhichCountry && query.EntityIds.Count > 0 && query.EntityIds.All(id =>
            index.FindEntity(id) is { Kind: not EntityKind.Country } && index.RootOf(id) is { Kind: EntityKind.Country });

    /// <summary>The one country a document is about, or null for a topic's document or one of several countries.</summary>
    public static Entity? CountryOf(SearchDocument doc, KnowledgeIndex index)
    {
        var countries = doc.Roots.Select(index.FindEntity).OfType<Entity>().Where(e => e.Kind == EntityKind.Country).ToList();
        return countries.Count == 1 ? countries[0] : null;
    }
}
