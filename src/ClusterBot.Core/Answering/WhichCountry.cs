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
}
