using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Study;

/// <summary>
/// Every question the knowledge gives, in one language, right option first. Each is built from one entry; its wrong
/// options are values of the same kind found elsewhere in the paper (other figures, years, periods, list items,
/// countries) and never one the question's own entry gives, so no question has a second right answer. An entry
/// whose wording leaves the question ambiguous (a figure written twice, an item too long for a poll) gives none.
/// </summary>
public static partial class QuizGenerator
{
    private const int MaxContext = 200;
    private const int MaxStatement = 220;
    private const int Distractors = QuizLimits.MaxOptions - 1;
    private static readonly ConditionalWeakTable<KnowledgeIndex, IReadOnlyList<QuizQuestion>[]> Cache = [];

    public static IReadOnlyList<QuizQuestion> All(KnowledgeIndex index, Lang lang) =>
        Cache.GetValue(index, i => [Build(i, Lang.Ru), Build(i, Lang.En)])[(int)lang];

    private static List<QuizQuestion> Build(KnowledgeIndex index, Lang lang)
    {
        var composer = new ReplyComposer(index);
        var kb = index.Knowledge;
        var questions = new List<QuizQuestion>();
        questions.AddRange(Figures(kb, composer, lang));
        questions.AddRange(Years(kb, composer, lang));
        questions.AddRange(Periods(index, composer, lang));
        questions.AddRange(ListPairs(kb, composer, lang));
        questions.AddRange(ListPlaces(kb, composer, lang));
        questions.AddRange(Owners(index, composer, lang));
        return questions.Where(Fits).Select(q => q with { ShortExplanation = Shorten(q) }).ToList();
    }

    private static IEnumerable<QuizQuestion> Figures(KnowledgeBase kb, ReplyComposer composer, Lang lang)
    {
        var pool = kb.Facts.SelectMany(f => f.Numbers).Distinct().ToList();
        foreach (var fact in kb.Facts)
        {
            // A one is a figure's or item's number ("Figure 1"), not a count worth asking.
            foreach (var value in fact.Numbers.Distinct().Where(n => n > 1))
            {
                if (NumberForms.Blank(fact.Text[lang], value) is not { } blanked) continue;
                var shown = NumberForms.In(blanked);
                var wrong = pool.Where(d => d != value && IsWhole(d) == IsWhole(value) && !fact.Numbers.Contains(d) && !shown.Contains(d) && !fact.Years.Contains((int)d))
                    .OrderBy(d => Math.Abs(Math.Log((double)d) - Math.Log((double)value))).ThenBy(d => d).Take(Distractors);
                var options = new[] { value }.Concat(wrong).Select(d => NumberForms.Format(d, lang)).ToList();
                yield return FromFact(fact, QuizKind.Figure, $"{Num(value)}", QuizText.FillTheGap(blanked)[lang], options, composer, lang);
            }
        }
    }

    private static IEnumerable<QuizQuestion> Years(KnowledgeBase kb, ReplyComposer composer, Lang lang)
    {
        var pool = kb.Facts.SelectMany(f => f.Years)
            .Concat(kb.Entities.SelectMany(e => e.Years.Concat(new[] { e.Start, e.End }.OfType<int>()))).Distinct().ToList();
        foreach (var fact in kb.Facts.Where(f => f.Kind == FactKind.Date))
        {
            foreach (var year in fact.Years.Distinct())
            {
                if (NumberForms.Blank(fact.Text[lang], year) is not { } blanked) continue;
                var shown = NumberForms.In(blanked);
                var wrong = pool.Where(y => y != year && !fact.Years.Contains(y) && !shown.Contains(y))
                    .OrderBy(y => Math.Abs(y - year)).ThenBy(y => y).Take(Distractors);
                var options = new[] { year }.Concat(wrong).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
                yield return FromFact(fact, QuizKind.Year, Num(year), QuizText.FillTheGap(blanked)[lang], options, composer, lang);
            }
        }
    }

    private static IEnumerable<QuizQuestion> Periods(KnowledgeIndex index, ReplyComposer composer, Lang lang)
    {
        var phases = index.Entities.Where(e => e.Kind == EntityKind.Phase && e.Start is not null).ToList();
        foreach (var phase in phases)
        {
            var name = YearsInBrackets().Replace(phase.Name[lang], "").Trim();
            if (ShownYears().IsMatch(name) || phase.ParentId is null || index.FindEntity(phase.ParentId) is not { } owner) continue;
            var right = QuizText.Period(phase.Start, phase.End)[lang];
            var wrong = phases.Where(p => p != phase).OrderBy(p => Math.Abs(p.Start!.Value - phase.Start!.Value)).ThenBy(p => p.Start)
                .Select(p => QuizText.Period(p.Start, p.End)[lang]).Where(p => p != right).Distinct().Take(Distractors);
            yield return new QuizQuestion(
                $"{phase.Id}:period", QuizKind.Period, lang, QuizText.PeriodOf(name, owner.Name[lang])[lang], [right, .. wrong], 0, phase.Id,
                $"{phase.Name[lang]}: {right}. {phase.Summary[lang]}", QuoteOf(phase.Quote), composer.Cite(phase.Cite, lang))
            {
                About = [phase.Id],
            };
        }
    }

    private static IEnumerable<QuizQuestion> ListPairs(KnowledgeBase kb, ReplyComposer composer, Lang lang)
    {
        foreach (var fact in kb.Facts.Where(f => f.Kind == FactKind.List && f.Text[lang].Length <= MaxContext))
        {
            // "Changwon — machinery": only plain pairs; an item that explains itself (brackets, a colon) is no option.
            var pairs = fact.Items.Select(i => (Item: i, Parts: i.Text[lang].Split(" — ")))
                .Where(p => p.Parts.Length == 2 && !p.Parts[1].Any(c => c is '(' or ':' or '«' or '“') && p.Parts[1].Length <= QuizLimits.Option)
                .Select(p => (p.Item, Name: p.Parts[0].Trim(), Value: p.Parts[1].Trim())).ToList();
            foreach (var pair in pairs)
            {
                var wrong = pairs.Where(p => p.Value != pair.Value).Select(p => p.Value).Distinct().Take(Distractors);
                yield return FromFact(fact, QuizKind.ListPair, $"{pair.Item.Order}", QuizText.PairOf(fact.Text[lang], pair.Name)[lang],
                    [pair.Value, .. wrong], composer, lang, pair.Item);
            }
        }
    }

    private static IEnumerable<QuizQuestion> ListPlaces(KnowledgeBase kb, ReplyComposer composer, Lang lang)
    {
        foreach (var fact in kb.Facts.Where(f => f.Kind == FactKind.List && f.Items.Count >= QuizLimits.MinOptions && f.Text[lang].Length <= MaxContext))
        {
            var numbered = fact.Items.Select(i => (Item: i, Match: Numbered().Match(i.Text[lang]))).ToList();
            if (!numbered.All(n => n.Match.Success && n.Match.Groups[1].Value == $"{n.Item.Order}")) continue;
            var items = numbered.Select(n => (n.Item, Text: n.Match.Groups[2].Value.Trim())).ToList();
            if (items.Any(i => i.Text.Length > QuizLimits.Option) || items.Select(i => i.Text).Distinct().Count() != items.Count) continue;
            foreach (var item in items)
            {
                var wrong = items.Where(i => i != item).OrderBy(i => Math.Abs(i.Item.Order - item.Item.Order)).ThenBy(i => i.Item.Order).Take(Distractors).Select(i => i.Text);
                yield return FromFact(fact, QuizKind.ListPlace, $"{item.Item.Order}", QuizText.PlaceIn(fact.Text[lang], item.Item.Order)[lang],
                    [item.Text, .. wrong], composer, lang, item.Item);
            }
        }
    }

    private static IEnumerable<QuizQuestion> Owners(KnowledgeIndex index, ReplyComposer composer, Lang lang)
    {
        var countries = index.Showcase.Countries;
        if (countries.Count < QuizLimits.MinOptions) yield break;
        var names = countries.SelectMany(c => KnowledgeValidator.AliasesOf(c).Append(c.Name.Ru).Append(c.Name.En))
            .Select(a => WordStemmer.StemAll(a).ToArray()).Where(a => a.Length > 0).ToList();
        foreach (var fact in index.Knowledge.Facts.Where(f => f.Kind is FactKind.Statement or FactKind.Definition && f.Text[lang].Length <= MaxStatement))
        {
            var roots = fact.About.Select(index.RootOf).OfType<Entity>().DistinctBy(e => e.Id).ToList();
            if (roots.Count != 1 || roots[0].Kind != EntityKind.Country) continue;
            // A statement that names a country (in any form) would give its answer away.
            var stems = WordStemmer.StemAll(fact.Text.Ru).Concat(["|"]).Concat(WordStemmer.StemAll(fact.Text.En)).ToList();
            if (names.Any(n => Phrases.Contains(stems, n))) continue;
            var owner = roots[0];
            var wrong = countries.Where(c => c.Id != owner.Id).Take(Distractors).Select(c => c.Name[lang]);
            yield return FromFact(fact, QuizKind.Owner, "owner", QuizText.OwnerOf(fact.Text[lang])[lang], [owner.Name[lang], .. wrong], composer, lang)
                with { Answer = $"{owner.Name[lang]}: {fact.Text[lang]}" };
        }
    }

    private static QuizQuestion FromFact(Fact fact, QuizKind kind, string variant, string text, IReadOnlyList<string> options,
        ReplyComposer composer, Lang lang, ListItem? item = null) =>
        new($"{fact.Id}:{kind.ToString().ToLowerInvariant()}:{variant}", kind, lang, text, options, 0, fact.Id,
            item is null ? fact.Text[lang] : $"{fact.Text[lang]} {item.Text[lang]}",
            QuoteOf(item is { Quote.Count: > 0 } ? item.Quote : fact.Quote), composer.Cite(fact.Cite, lang))
        {
            Item = item?.Order,
            About = fact.About,
        };

    /// <summary>A question every platform can show: enough distinct options, each and the question within the poll limits.</summary>
    private static bool Fits(QuizQuestion q) =>
        q.Options.Count >= QuizLimits.MinOptions && q.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count() == q.Options.Count &&
        q.Options.All(o => o.Length is > 0 and <= QuizLimits.Option) && q.Text.Length <= QuizLimits.Question;

    /// <summary>
    /// Telegram's explanation: the paper's words where they are in the chat's language (the paper is Russian), the
    /// fact otherwise, cut around the right answer, then the section.
    /// </summary>
    private static string Shorten(QuizQuestion q)
    {
        var source = $"§{q.Citation.Section}" + (q.Citation.Refs.Count == 0 ? "" : " " + string.Join("", q.Citation.Refs.Select(r => $"[{r}]")));
        var body = q.Lang == Lang.Ru && q.Quote is not null ? UiText.Quoted(q.Quote, q.Lang) : q.Answer;
        var room = QuizLimits.Explanation - source.Length - 1;
        return $"{Excerpt(body, q.CorrectOption, room)} {source}";
    }

    /// <summary>At most <paramref name="max"/> characters of the text, around the needle where it occurs.</summary>
    public static string Excerpt(string text, string needle, int max)
    {
        if (text.Length <= max) return text;
        var at = Math.Max(0, text.IndexOf(needle, StringComparison.OrdinalIgnoreCase));
        var start = Math.Clamp(at - (max / 3), 0, text.Length - (max - 2));
        var piece = text.Substring(start, max - 2).Trim();
        return (start > 0 ? "…" : "") + piece + (start + max - 2 < text.Length ? "…" : "");
    }

    private static string? QuoteOf(IReadOnlyList<string> quote) => quote.Count == 0 ? null : string.Join(" … ", quote);

    private static bool IsWhole(decimal d) => d == decimal.Truncate(d);

    private static string Num(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s*\([^)]*\d{4}[^)]*\)")]
    private static partial Regex YearsInBrackets();

    [GeneratedRegex(@"\d{4}")]
    private static partial Regex ShownYears();

    [GeneratedRegex(@"^(\d+)\.\s+(.+)$")]
    private static partial Regex Numbered();
}
