using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Core.Tests.Knowledge;

/// <summary>Quotes are the paper's words and citations are their paragraph's: checked on a small paper of its own and on the real one.</summary>
public sealed class QuoteCheckerTests : IDisposable
{
    private static readonly Paper SmallPaper = new(
    [
        new PaperParagraph(0, "2.3", [], "Кластеры Китая растут. Программа TORCH – про высо- кие технологии."),
        new PaperParagraph(1, "2.3", [3], "TORCH имеет две части: первая для регионов, вторая для страны [3]."),
    ]);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Программа TORCH — про высокие технологии")]
    [InlineData("кластеры китая растут")]
    [InlineData("TORCH имеет две части: первая … вторая для страны")]
    public void A_quote_is_found_with_case_dashes_hyphenation_and_ellipsis_folded(string quote) =>
        Assert.Single(SmallPaper.FindQuote(quote));

    [Theory]
    [InlineData("Программа TORCH — про низкие технологии")]
    [InlineData("вторая для страны … первая для регионов")]
    public void A_quote_the_paper_does_not_hold_is_not_found(string quote) => Assert.Empty(SmallPaper.FindQuote(quote));

    [Fact]
    public void A_cite_must_be_exactly_the_references_of_the_quoted_paragraph()
    {
        var errors = Check(("TORCH имеет две части", new Cite("2.3", [3])), ("Кластеры Китая растут", new Cite("2.3", [3])),
            ("Кластеры Китая растут", new Cite("2.2", [])), ("Кластеры Китая растут", new Cite("2.3", [])), ("", new Cite("2.3", [])));
        Assert.Collection(errors,
            e => Assert.Contains("its quoted paragraph(s) cite []", e.Message),
            e => Assert.Contains("cites §2.2 but its quote is from §2.3", e.Message),
            e => Assert.Contains("has no `quote`", e.Message));
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_its_line()
    {
        File.WriteAllText(_temp.File("sources.yaml"), """
            paper:
              title: {ru: "Статья", en: "Paper"}
            sections:
              - id: "2.3"
                title: {ru: "Китай", en: "China"}
            references: []
            """);
        File.WriteAllText(_temp.File("china.yaml"), """
            country:
              id: china
              name: {ru: "Китай", en: "China"}
              summary: {ru: "Кратко.", en: "In short."}
              cite: {section: "2.3", refs: []}
            facts:
              - id: cn-fact
                about: [china]
                ru: "Факт."
                en: "A fact."
                keyword: {ru: [опечатка], en: [typo]}
                cite: {section: "2.3", refs: []}
            """);
        var ex = Assert.Throws<KnowledgeValidationException>(() => KnowledgeYamlReader.ReadFolder(_temp.Path));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(("china.yaml", 11), (error.File, error.Line));
        Assert.Contains("unknown key `keyword`", error.Message);
    }

    [Fact]
    public void Every_entry_of_the_repository_quotes_the_paper_and_cites_its_paragraph()
    {
        var paper = Paper.TryLoad(RepoPaths.Knowledge);
        Assert.NotNull(paper);
        var kb = KnowledgeYamlReader.ReadFolder(RepoPaths.Knowledge);
        var (errors, counts) = QuoteChecker.Check(kb, paper);
        Assert.Empty(errors);
        Assert.Equal(counts.Entries, counts.Quoted);
        Assert.Equal(kb.Entities.Count + kb.Facts.Count + kb.Facts.Sum(f => f.Items.Count), counts.Entries);
    }

    [Fact]
    public void The_paper_beside_the_knowledge_is_the_shared_one()
    {
        var shared = Path.Combine(RepoPaths.Shared, "seeds", "paragraphs.json");
        if (!File.Exists(shared)) return; // a checkout without the shared folder still has its own copy
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Path.Combine(RepoPaths.Knowledge, Paper.RelativePath)));
    }

    private static List<KnowledgeError> Check(params (string Quote, Cite Cite)[] entries)
    {
        var kb = new KnowledgeBase
        {
            PaperTitle = new Localized("", ""),
            Sections = [],
            References = [],
            Entities = [],
            Facts = entries.Select((e, i) => new Fact($"f{i}", [], FactKind.Statement, new Localized("", ""), [], LocalizedList.Empty, [], [], e.Cite, [],
                new SourceLocation("x.yaml", i + 1)) { Quote = e.Quote.Length == 0 ? [] : [e.Quote] }).ToList(),
        };
        return QuoteChecker.Check(kb, SmallPaper).Errors.ToList();
    }
}
