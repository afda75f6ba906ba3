using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterBot.Core.Knowledge;

/// <summary>One paragraph of the paper: its number, its section and the reference numbers it cites.</summary>
public sealed record PaperParagraph(
    [property: JsonPropertyName("n")] int Number,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("refs")] IReadOnlyList<int> Refs,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The paper file's shape, read by generated code (no reflection, as a Native AOT build needs).</summary>
[JsonSerializable(typeof(List<PaperParagraph>))]
internal sealed partial class PaperJson : JsonSerializerContext;

/// <summary>
/// The paper itself, split into paragraphs (<c>knowledge/paper/paragraphs.json</c>): what every quote is checked
/// against, and where a citation's references come from.
/// </summary>
public sealed class Paper
{
    public const string RelativePath = "paper/paragraphs.json";

    private readonly string[] _folded;

    public Paper(IReadOnlyList<PaperParagraph> paragraphs)
    {
        Paragraphs = paragraphs;
        _folded = paragraphs.Select(p => Fold(p.Text)).ToArray();
    }

    public IReadOnlyList<PaperParagraph> Paragraphs { get; }

    /// <summary>The paper beside the knowledge files, or null when the folder has none (a fixture, a trimmed copy).</summary>
    public static Paper? TryLoad(string knowledgeFolder)
    {
        var path = Path.Combine(knowledgeFolder, RelativePath);
        if (!File.Exists(path)) return null;
        var paragraphs = JsonSerializer.Deserialize(File.ReadAllText(path), PaperJson.Default.ListPaperParagraph) ?? [];
        return new Paper(paragraphs);
    }

    /// <summary>
    /// The paragraphs in which the quote occurs. A quote may leave out a stretch with "…" (its parts must then
    /// occur in order in one paragraph); case, ё, dashes and whitespace do not count, so a line-end hyphenation
    /// joined in the quote still matches.
    /// </summary>
    public IEnumerable<PaperParagraph> FindQuote(string quote)
    {
        var parts = quote.Split(['…'], StringSplitOptions.RemoveEmptyEntries).Select(Fold).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0) yield break;
        for (var i = 0; i < _folded.Length; i++)
        {
            var at = 0;
            var all = true;
            foreach (var part in parts)
            {
                var found = _folded[i].IndexOf(part, at, StringComparison.Ordinal);
                if (found < 0)
                {
                    all = false;
                    break;
                }

                at = found + part.Length;
            }

            if (all) yield return Paragraphs[i];
        }
    }

    /// <summary>Lower case, ё as е, no dashes or hyphens, no whitespace: the folding a quote is compared under.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '\u00AD') continue;
            var lower = char.ToLowerInvariant(c);
            sb.Append(lower == 'ё' ? 'е' : lower);
        }

        return sb.ToString();
    }
}

/// <summary>How many entries carry a quote the paper confirms.</summary>
public sealed record QuoteCounts(int Entries, int Quoted, int Passages);

/// <summary>
/// Checks every cited entry against the paper: it has a quote, each passage of the quote occurs in one paragraph,
/// and its <c>cite</c> is that paragraph's section with exactly the references that paragraph (or those paragraphs) cite.
/// </summary>
public static class QuoteChecker
{
    public static (IReadOnlyList<KnowledgeError> Errors, QuoteCounts Counts) Check(KnowledgeBase kb, Paper paper)
    {
        var errors = new List<KnowledgeError>();
        int entries = 0, quoted = 0, passages = 0;

        void CheckEntry(string owner, IReadOnlyList<string> quote, Cite cite, SourceLocation at)
        {
            entries++;
            if (quote.Count == 0)
            {
                errors.Add(new KnowledgeError(at.File, at.Line, $"'{owner}' has no `quote` (the paper's words it rests on)"));
                return;
            }

            var cited = new SortedSet<int>();
            var ok = true;
            foreach (var passage in quote)
            {
                passages++;
                var found = paper.FindQuote(passage).ToList();
                if (found.Count == 0)
                {
                    errors.Add(new KnowledgeError(at.File, at.Line, $"'{owner}': quote not found in the paper: \"{Shorten(passage)}\""));
                    ok = false;
                    continue;
                }

                // A short passage may occur twice: the paragraph of the cited section and references is the one meant.
                var paragraph = found.FirstOrDefault(p => p.Section == cite.Section && p.Refs.All(cite.Refs.Contains)) ?? found[0];
                if (paragraph.Section != cite.Section)
                {
                    errors.Add(new KnowledgeError(at.File, at.Line,
                        $"'{owner}' cites §{cite.Section} but its quote is from §{paragraph.Section} (paragraph {paragraph.Number})"));
                    ok = false;
                }

                cited.UnionWith(paragraph.Refs);
            }

            if (ok && !cited.SetEquals(cite.Refs))
            {
                errors.Add(new KnowledgeError(at.File, at.Line,
                    $"'{owner}' cites [{string.Join(", ", cite.Refs)}] but its quoted paragraph(s) cite [{string.Join(", ", cited)}]"));
                ok = false;
            }

            if (ok) quoted++;
        }

        foreach (var e in kb.Entities)
        {
            CheckEntry(e.Id, e.Quote, e.Cite, e.Location);
        }

        foreach (var f in kb.Facts)
        {
            CheckEntry(f.Id, f.Quote, f.Cite, f.Location);
            foreach (var item in f.Items)
            {
                CheckEntry($"{f.Id}, item {item.Order}", item.Quote, f.Cite, item.Location);
            }
        }

        return (errors, new QuoteCounts(entries, quoted, passages));
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
