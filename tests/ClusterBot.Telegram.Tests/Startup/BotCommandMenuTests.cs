using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Telegram.Startup;
using ClusterBot.Telegram.Tests.Fakes;
using ClusterBot.Testing;

namespace ClusterBot.Telegram.Tests.Startup;

/// <summary>The command menu registered at start lists what the knowledge holds, and /quote with the rest of the table.</summary>
public sealed class BotCommandMenuTests : FakeBotApiTest
{
    private readonly QuotedKnowledge _knowledge = new(withFreedonia: true);

    [Fact]
    public async Task The_menu_set_at_start_names_the_knowledge_s_countries_and_has_quote()
    {
        await using var bot = await BotHarness.StartAsync(Api, Temp.Database, s => s["Knowledge:Path"] = _knowledge.Path);
        await FakeBotApi.WaitUntil(() => Api.Attempts("getUpdates") > 0, "polling");

        var menus = Api.Calls.Where(c => c.Method == "setMyCommands").ToList();
        string Description(string language, string command) => menus.Single(m => m.Str("language_code") == language).Body
            .GetProperty("commands").EnumerateArray().Single(c => c.GetProperty("command").GetString() == command)
            .GetProperty("description").GetString()!;
        Assert.Equal("a country's cluster policy: Sylvania, Freedonia (<country>)", Description("en", "country"));
        Assert.StartsWith("кластерная политика страны: Сильвания, Фридония", Description("ru", "country"));
        Assert.Contains("Лесной союз, Сырные долины", Description("ru", "programme"));
        Assert.Contains("paper's own words", Description("en", "quote"));
    }

    [Fact]
    public void Without_the_knowledge_the_menu_still_has_every_command_with_its_bare_description()
    {
        var menu = BotCommandMenu.For(Lang.En, showcase: null);
        Assert.Equal(CommandTable.Listed.Select(c => c.Name), menu.Select(c => c.Command));
        Assert.Equal("a country's cluster policy (<country>)", menu.Single(c => c.Command == "country").Description);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _knowledge.Dispose();
    }
}
