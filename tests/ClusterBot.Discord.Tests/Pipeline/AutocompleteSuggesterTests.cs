using ClusterBot.Discord.Tests.Fakes;
using ClusterBot.Testing;

namespace ClusterBot.Discord.Tests;

/// <summary>Autocomplete through the fake gateway, from the knowledge folder the bot serves.</summary>
public sealed class AutocompleteSuggesterTests : IDisposable
{
    private readonly QuotedKnowledge _knowledge = new(withFreedonia: true);

    public void Dispose() => _knowledge.Dispose();

    private static async Task<List<(string Name, string Value)>> ChoicesAsync(FakeDiscord fake, FakeGatewayConnection connection, int seq,
        string command, string option, string typed, string locale = "en-US")
    {
        var id = $"{7000 + seq}";
        await connection.SendDispatchAsync("INTERACTION_CREATE", seq,
            DiscordSamples.Interaction(id, 4, DiscordSamples.CommandData(command, (option, typed, true)), locale));
        var response = await fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/interaction-token-{id}/callback");
        Assert.Equal(8, response.Json.GetProperty("type").GetInt32());
        return response.Json.GetProperty("data").GetProperty("choices").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!)).ToList();
    }

    [Fact]
    public async Task A_country_added_as_a_file_is_offered_and_quote_ids_complete()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Knowledge:Path"] = _knowledge.Path });
        var connection = await AdapterTests.HandshakeAsync(fake);

        Assert.Contains(("Freedonia", "freedonia"), await ChoicesAsync(fake, connection, 2, "country", "country", ""));
        Assert.Equal(("Фридония", "freedonia"), (await ChoicesAsync(fake, connection, 3, "country", "country", "фри", "ru"))[0]);
        Assert.Contains(("Cheese Valleys", "cheese-valleys"), await ChoicesAsync(fake, connection, 4, "programme", "programme", "chee"));

        var quotes = await ChoicesAsync(fake, connection, 5, "quote", "id", "fu-");
        Assert.Equal(["fu-members", "fu-members.1", "fu-members.2"], quotes.Select(q => q.Value));
        Assert.StartsWith("fu-members — The Forest Union", quotes[0].Name, StringComparison.Ordinal);
        // Entries without the paper's words (and items without words of their own) are not offered.
        Assert.DoesNotContain(await ChoicesAsync(fake, connection, 6, "quote", "id", ""), q => q.Value is "sy-furniture" or "fu-members.3");
    }
}
