using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Knowledge;

public sealed class KnowledgeYamlReaderTests : IDisposable
{
    private const string Sources = """
        paper:
          title: {ru: "Статья", en: "Paper"}
        sections:
          - id: "2.3"
            title: {ru: "Китай", en: "China"}
        references:
          - number: 3
            section: "2.3"
            cited_for: {ru: "TORCH", en: "TORCH"}
        """;

    private const string China = """
        country:
          id: china
          name: {ru: "Китай", en: "China"}
          aliases: {ru: ["кнр"], en: ["prc"]}
          summary: {ru: "Кратко.", en: "In short."}
          cite: {section: "2.3", refs: [3]}
        programmes:
          - id: torch
            name: {ru: "Программа TORCH", en: "TORCH programme"}
            aliases: {ru: ["факел"], en: ["torch"]}
            summary: {ru: "Про TORCH.", en: "About TORCH."}
            cite: {section: "2.3", refs: [3]}
        facts:
          - id: torch-parts
            about: [torch]
            kind: list
            ru: "Две части."
            en: "Two parts."
            items: {ru: ["первая", "вторая"], en: ["first", "second"]}
            cite: {section: "2.3", refs: [3]}
            see: [china]
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_repository_knowledge_is_valid_and_covers_the_paper()
    {
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        Assert.Equal(["germany", "korea", "china"], kb.Entities.Where(e => e.Kind == EntityKind.Country).Select(e => e.Id).OrderBy(id => id == "germany" ? 0 : id == "korea" ? 1 : 2));
        Assert.Equal(Enumerable.Range(1, 10), kb.References.Select(r => r.Number).Order());
        Assert.True(kb.Facts.Count >= 80, $"only {kb.Facts.Count} facts");
        // Every reference number the paper cites is used by at least one fact or entity.
        var cited = kb.Facts.SelectMany(f => f.Cite.Refs).Concat(kb.Entities.SelectMany(e => e.Cite.Refs)).ToHashSet();
        Assert.All(Enumerable.Range(1, 10), n => Assert.Contains(n, cited));
    }

    [Fact]
    public void A_valid_folder_reads_with_lines_and_a_content_hash()
    {
        var folder = Write(China);
        var kb = KnowledgeYamlReader.ReadFolder(folder);
        var fact = Assert.Single(kb.Facts);
        Assert.Equal(["first", "second"], fact.ItemTexts.En);
        Assert.Equal(new SourceLocation("china.yaml", 14), fact.Location);
        Assert.Matches("^[0-9A-F]{32}$", kb.ContentHash);
    }

    [Fact]
    public void The_content_hash_changes_with_any_edit()
    {
        var folder = Write(China);
        var before = KnowledgeYamlReader.ComputeContentHash(folder);
        File.AppendAllText(Path.Combine(folder, "china.yaml"), "\n# edited\n");
        Assert.NotEqual(before, KnowledgeYamlReader.ComputeContentHash(folder));
    }

    [Fact]
    public void A_missing_translation_is_an_error_naming_file_and_line()
    {
        var error = SingleError(China.Replace("en: \"Two parts.\"", "", StringComparison.Ordinal));
        Assert.Equal("china.yaml", error.File);
        Assert.Equal(14, error.Line);
        Assert.Contains("`en` is missing", error.Message);
    }

    [Fact]
    public void A_missing_citation_is_an_error()
    {
        var errors = Errors(China.Replace("    cite: {section: \"2.3\", refs: [3]}\n    see: [china]", "    see: [china]", StringComparison.Ordinal));
        Assert.True(errors.Count == 1, string.Join("; ", errors));
        var error = errors[0];
        Assert.Contains("'torch-parts' has no citation", error.Message);
        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void An_unknown_reference_number_is_an_error()
    {
        var error = SingleError(China.Replace("refs: [3]}\n    see", "refs: [11]}\n    see", StringComparison.Ordinal));
        Assert.Contains("unknown reference [11]", error.Message);
    }

    [Fact]
    public void A_duplicate_id_is_an_error_pointing_at_both_places()
    {
        var errors = Errors(China.Replace("- id: torch-parts", "- id: torch", StringComparison.Ordinal));
        var error = Assert.Single(errors, e => e.Message.Contains("duplicate id 'torch'", StringComparison.Ordinal));
        Assert.Equal(14, error.Line);
        Assert.Contains("first defined at china.yaml:8", error.Message);
    }

    [Fact]
    public void An_alias_shared_by_two_things_is_an_error()
    {
        var error = SingleError(China.Replace("en: [\"torch\"]", "en: [\"PRC\"]", StringComparison.Ordinal));
        Assert.Contains("alias 'PRC' of 'torch' clashes with 'china'", error.Message);
    }

    [Fact]
    public void A_reference_to_an_unknown_fact_is_an_error()
    {
        var error = SingleError(China.Replace("see: [china]", "see: [japan]", StringComparison.Ordinal));
        Assert.Contains("unknown id 'japan'", error.Message);
    }

    [Fact]
    public void A_YAML_syntax_error_names_the_line()
    {
        var error = SingleError(China + "\n  - id: [unclosed\n");
        Assert.Contains("YAML syntax error", error.Message);
        Assert.True(error.Line > 20);
    }

    [Fact]
    public void Opposites_read_as_pairs_of_word_lists()
    {
        var folder = Write(China);
        File.WriteAllText(Path.Combine(folder, "lexicon.yaml"), "opposites:\n  - [[central, федеральный], [local, сверху вниз]]\n");
        var pair = Assert.Single(KnowledgeYamlReader.ReadFolder(folder).Lexicon.Opposites);
        Assert.Equal(["central", "федеральный"], pair.One);
        Assert.Equal(["local", "сверху вниз"], pair.Other);
    }

    [Fact]
    public void Comparatives_read_as_pairs_of_word_lists_apart_from_the_opposites()
    {
        var folder = Write(China);
        File.WriteAllText(Path.Combine(folder, "lexicon.yaml"), "comparatives:\n  - [[easier, легче], [harder, more difficult]]\n");
        var lexicon = KnowledgeYamlReader.ReadFolder(folder).Lexicon;
        var pair = Assert.Single(lexicon.Comparatives);
        Assert.Equal(["easier", "легче"], pair.One);
        Assert.Equal(["harder", "more difficult"], pair.Other);
        Assert.Empty(lexicon.Opposites);
    }

    [Theory]
    [InlineData("[central, local]", "two lists of words")]
    [InlineData("[[central], [local], [state]]", "two lists of words")]
    [InlineData("[[central], []]", "at least one word")]
    [InlineData("[[central, state], [local, state]]", "'state' stands on both sides")]
    public void A_malformed_pair_of_opposites_is_an_error(string pair, string expected)
    {
        var folder = Write(China);
        File.WriteAllText(Path.Combine(folder, "lexicon.yaml"), $"opposites:\n  - {pair}\n");
        var error = Assert.Single(Assert.Throws<KnowledgeValidationException>(() => KnowledgeYamlReader.ReadFolder(folder)).Errors);
        Assert.Equal("lexicon.yaml", error.File);
        Assert.Contains(expected, error.Message);
    }

    private KnowledgeError SingleError(string china)
    {
        var ex = Assert.Throws<KnowledgeValidationException>(() => KnowledgeYamlReader.ReadFolder(Write(china)));
        return Assert.Single(ex.Errors);
    }

    private IReadOnlyList<KnowledgeError> Errors(string china) =>
        Assert.Throws<KnowledgeValidationException>(() => KnowledgeYamlReader.ReadFolder(Write(china))).Errors;

    private string Write(string china)
    {
        var folder = Path.Combine(_temp.Path, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sources.yaml"), Sources);
        File.WriteAllText(Path.Combine(folder, "china.yaml"), china);
        return folder;
    }
}
