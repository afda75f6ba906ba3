using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Conversations;

/// <summary>The one language rule: the chat's /lang, the question's script, the user's locale, the default.</summary>
public sealed class LanguagePolicyTests
{
    private static LanguagePolicy Policy(string defaultLanguage, PipelineParts.MemorySettings settings) =>
        new(Options.Create(new AnswerEngineOptions { DefaultLanguage = defaultLanguage }), settings);

    [Theory]
    [InlineData(null, "сколько кластеров", "en-US", "en", Lang.Ru)]
    [InlineData(null, "how many clusters", "ru", "ru", Lang.En)]
    [InlineData(null, "2012?", "en-GB", "ru", Lang.En)]
    [InlineData(null, "2012?", null, "en", Lang.En)]
    [InlineData(null, "2012?", null, "ru", Lang.Ru)]
    [InlineData(Lang.En, "сколько кластеров", "ru", "ru", Lang.En)]
    public void The_chat_then_the_script_then_the_locale_then_the_default(Lang? chat, string text, string? locale, string defaultLanguage, Lang expected)
    {
        var settings = new PipelineParts.MemorySettings();
        if (chat is { } c) settings.SetLanguage("discord", "7", c);
        var message = new IncomingMessage("discord", "7", null, "1", text, ChatKind.Group, true, locale);

        Assert.Equal(expected, Policy(defaultLanguage, settings).For(message));
    }

    [Fact]
    public void The_adapters_own_words_fall_back_to_the_configured_default_not_to_english()
    {
        Assert.Equal(Lang.Ru, Policy("ru", new PipelineParts.MemorySettings()).ForWords("discord", "7", null));
    }

    [Fact]
    public void A_carried_over_choice_never_overrides_the_new_chats_own()
    {
        var settings = new PipelineParts.MemorySettings();
        var policy = Policy("ru", settings);
        settings.SetLanguage("telegram", "-1", Lang.En);
        Assert.True(policy.CarryOver("telegram", "-1", "-100"));
        Assert.Equal(Lang.En, settings.GetLanguage("telegram", "-100"));

        settings.SetLanguage("telegram", "-2", Lang.En);
        settings.SetLanguage("telegram", "-200", Lang.Ru);
        Assert.False(policy.CarryOver("telegram", "-2", "-200"));
        Assert.Equal(Lang.Ru, settings.GetLanguage("telegram", "-200"));
    }
}
