using ClusterBot.Core.Answering;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Startup;
using ClusterBot.Discord.Tests.Fakes;
using ClusterBot.Testing;

namespace ClusterBot.Discord.Tests;

/// <summary>The slash commands registered at start: the command table's, described with what the knowledge holds.</summary>
public sealed class SlashCommandCatalogTests : IDisposable
{
    private readonly QuotedKnowledge _knowledge = new(withFreedonia: true);

    public void Dispose() => _knowledge.Dispose();

    [Fact]
    public async Task Registration_at_start_has_quote_and_names_the_knowledge_s_countries()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Knowledge:Path"] = _knowledge.Path });

        var put = await fake.WaitForRequestAsync(r => r.Method == "PUT");
        var commands = put.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(CommandTable.Listed.Where(c => c.Slash).Select(c => c.Name).Order(StringComparer.Ordinal), commands.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("quote", commands.Keys);
        Assert.Equal("a country's cluster policy: Sylvania, Freedonia", commands["country"].GetProperty("description").GetString());
        Assert.Equal("кластерная политика страны: Сильвания, Фридония",
            commands["country"].GetProperty("description_localizations").GetProperty("ru").GetString());
        var id = Assert.Single(commands["quote"].GetProperty("options").EnumerateArray());
        Assert.Equal("id", id.GetProperty("name").GetString());
        Assert.True(id.GetProperty("required").GetBoolean());
        Assert.True(id.GetProperty("autocomplete").GetBoolean());
        Assert.All(commands.Values, c => Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 100));
    }

    [Fact]
    public void Without_the_knowledge_every_slash_command_is_still_built_with_its_bare_description()
    {
        var commands = SlashCommandCatalog.Build(guildScoped: true, showcase: null);
        Assert.Equal(CommandTable.Listed.Where(c => c.Slash).Select(c => c.Name), commands.Select(c => c.Name));
        Assert.Equal("a country's cluster policy", commands.Single(c => c.Name == "country").Description);
        Assert.Equal(2, commands.Single(c => c.Name == "compare").Options!.Count);
    }

    [Fact]
    public async Task The_quote_slash_command_answers_with_the_paper_s_words()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Knowledge:Path"] = _knowledge.Path });
        var connection = await AdapterTests.HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("6001", 2, DiscordSamples.CommandData("quote", ("id", "fu-members.1", false))));

        var callback = await fake.WaitForRequestAsync(r => r.Path == "/interactions/6001/interaction-token-6001/callback");
        var content = callback.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.Contains("“в союз вошли лесопилки”", content, StringComparison.Ordinal);
        Assert.Contains(@"§2.1, ref. \[2\]", content, StringComparison.Ordinal);
    }
}
