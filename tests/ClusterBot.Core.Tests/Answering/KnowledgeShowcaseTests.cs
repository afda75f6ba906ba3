using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>What the bot names as what it knows comes from the knowledge files: a new country is a new file.</summary>
public sealed class KnowledgeShowcaseTests : IDisposable
{
    /// <summary>Names of the repository's knowledge, which no reply over other knowledge may contain.</summary>
    private static readonly string[] RepositoryNames =
        ["Germany", "germany", "Германи", "Korea", "korea", "Корея", "Корее", "Кореи", "China", "china", "Китай", "Китая", "TORCH", "torch",
         "go-cluster", "Leading-Edge", "Bavaria", "Бавари", "ГИИ", "GII"];

    private readonly QuotedKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    private static Reply Ask(AnswerEngine engine, string text, string? userLanguage = null) =>
        engine.Answer(new Question(text, UserLanguage: userLanguage, BotUsername: "ClusterBot"));

    [Fact]
    public void A_new_country_file_is_in_help_in_the_country_list_and_answers_questions()
    {
        var before = EngineFixture.Over(_knowledge.Path);
        Assert.DoesNotContain("Freedonia", Ask(before, "/help", "en").ToPlainText());

        _knowledge.AddFreedonia();
        var engine = EngineFixture.Over(_knowledge.Path);

        var help = Ask(engine, "/help", "en").ToPlainText();
        Assert.Contains("a country's cluster policy: Sylvania, Freedonia", help);
        Assert.Contains("a programme or region: Forest Union, Cheese Valleys (e.g. /programme forest-union)", help);
        Assert.Contains("/compare sylvania freedonia", help);
        Assert.Contains("Фридония", Ask(engine, "/start").ToPlainText());
        Assert.Contains(Ask(engine, "/help").FollowUps, f => f.Command == "/country freedonia");

        var list = Ask(engine, "/country");
        Assert.Contains("Фридония — /country freedonia", list.ToPlainText());

        var answer = Ask(engine, "Сколько сыроварен во Фридонии?");
        Assert.True(answer.Answered, answer.ToPlainText());
        Assert.Equal(["fr-dairies"], answer.FactIds);
        Assert.Contains("17", answer.ToPlainText());
        Assert.Contains(answer.FollowUps, f => f.Command == "/quote fr-dairies");

        var english = Ask(engine, "How many cheese dairies are there in Freedonia?");
        Assert.Equal(["fr-dairies"], english.FactIds);
    }

    [Fact]
    public void Countries_come_in_the_paper_s_order_of_sections_not_the_files_order()
    {
        // freedonia.yaml sorts before sylvania.yaml, but Freedonia's section (2.2) comes after Sylvania's (2.1).
        _knowledge.AddFreedonia();
        var index = new KnowledgeIndex(KnowledgeYamlReader.ReadFolder(_knowledge.Path));
        Assert.Equal(["freedonia", "sylvania"], index.Entities.Where(e => e.Kind == EntityKind.Country).Select(e => e.Id));
        Assert.Equal(["sylvania", "freedonia"], index.Showcase.Countries.Select(e => e.Id));
        Assert.Equal(["forest-union", "cheese-valleys"], index.Showcase.SampleProgrammes.Select(e => e.Id));
    }

    [Fact]
    public void The_programme_sample_says_when_there_are_more()
    {
        File.WriteAllText(Path.Combine(_knowledge.Path, "freedonia.yaml"), QuotedKnowledge.Freedonia.Replace("facts:", """
              - id: goat-meadows
                name: {ru: "Козьи луга", en: "Goat Meadows"}
                summary: {ru: "Луга.", en: "Meadows."}
                cite: {section: "2.2", refs: [3]}
            facts:
            """, StringComparison.Ordinal));
        var help = Ask(EngineFixture.Over(_knowledge.Path), "/help", "en").ToPlainText();
        Assert.Contains("a programme or region: Forest Union, Cheese Valleys, … (e.g.", help);
        Assert.DoesNotContain("Goat Meadows", help);
    }

    [Fact]
    public void Help_shows_examples_taken_from_the_knowledge()
    {
        var text = Ask(EngineFixture.Over(_knowledge.Path), "/help").ToPlainText();
        Assert.Contains("кластерная политика страны: Сильвания (например: /country sylvania)", text);
        Assert.Contains("/programme forest-union", text);
        Assert.Contains("/phases sylvania", text);
        Assert.Contains("/quote sy-sawmill-clusters", text);
        Assert.Contains("«Сколько кластеров лесопилок в Сильвании?»", text);
        // One country: nothing to compare it with, so no made-up example.
        Assert.DoesNotContain("/compare sylvania", text);
    }

    [Theory]
    [InlineData("/help")]
    [InlineData("/start")]
    [InlineData("")]
    [InlineData("?!.,")]
    [InlineData("/fact nothing-like-this")]
    [InlineData("/country atlantis")]
    [InlineData("/programme")]
    [InlineData("/compare sylvania")]
    [InlineData("/quote")]
    [InlineData("What is the capital of France?")]
    [InlineData("сколько?")]
    public void Replies_over_other_knowledge_name_nothing_of_the_repository_s(string question)
    {
        _knowledge.AddFreedonia();
        var engine = EngineFixture.Over(_knowledge.Path);
        foreach (var lang in new[] { "ru", "en" })
        {
            var reply = Ask(engine, question, lang);
            var text = reply.ToPlainText() + string.Concat(reply.FollowUps.Select(f => f.Label + f.Command));
            Assert.All(RepositoryNames, name => Assert.DoesNotContain(name, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Fallbacks_suggest_what_the_knowledge_holds()
    {
        _knowledge.AddFreedonia();
        var engine = EngineFixture.Over(_knowledge.Path);
        Assert.Contains("/country sylvania, /programme forest-union", Ask(engine, "/fact nothing-like-this").ToPlainText());
        Assert.Contains("/compare sylvania freedonia", Ask(engine, "/compare sylvania").ToPlainText());
        Assert.Contains("«Сколько кластеров лесопилок в Сильвании?»", Ask(engine, "").ToPlainText());
        Assert.Contains("Сильвания, Фридония", Ask(engine, "Какая завтра погода в Москве?").ToPlainText());
    }

    [Fact]
    public void Without_sample_questions_the_hint_is_a_command()
    {
        File.WriteAllText(Path.Combine(_knowledge.Path, "sylvania.yaml"),
            QuotedKnowledge.Sylvania.Replace("ru: [\"Сколько кластеров лесопилок в Сильвании?\"]", "ru: []", StringComparison.Ordinal)
                .Replace("en: [\"How many sawmill clusters does Sylvania have?\"]", "en: []", StringComparison.Ordinal));
        var engine = EngineFixture.Over(_knowledge.Path);
        Assert.Contains("/country sylvania", Ask(engine, "").ToPlainText());
        Assert.DoesNotContain("«", Ask(engine, "/help").Blocks.OfType<Paragraph>().Last().Text);
    }
}
