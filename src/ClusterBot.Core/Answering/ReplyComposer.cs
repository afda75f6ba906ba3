using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>Turns facts and entities into reply blocks, citations and follow-ups in one language.</summary>
public sealed partial class ReplyComposer(KnowledgeIndex index)
{
    private const int FollowUpLabelLength = 40;
    private const int MaxFollowUps = 4;

    /// <summary>How many of a summary's first sentences a narrow question still gets: they say what the thing is.</summary>
    private const int LeadSentences = 1;
    /// <summary>How many a question asking what the thing is gets besides those that use its words.</summary>
    private const int DefinitionLeadSentences = 2;
    /// <summary>Least rarity of an asked word that earns a further sentence its place: a common word ("cluster") does not;
    /// a name of another thing the question names always does.</summary>
    private const double MinNewWordWeight = 1.0;
    /// <summary>A sentence that uses at least this share of what the fullest one does is shown beside it.</summary>
    private const double SpeakingShare = 0.9;

    public Citation Cite(Cite cite, Lang lang)
    {
        var title = index.Knowledge.PaperTitle[lang];
        var refs = cite.Refs.Count == 0 ? "" : ", " + (lang == Lang.Ru ? "ссылка " : "ref. ") + string.Join(", ", cite.Refs.Select(r => $"[{r}]"));
        var text = lang == Lang.Ru
            ? $"Источник: «{title}», §{cite.Section}{refs}"
            : $"Source: “{title}”, §{cite.Section}{refs}";
        return new Citation(cite.Section, cite.Refs, text);
    }

    public Citation CitePaper(Lang lang) => new("", [], lang == Lang.Ru
        ? $"Источник: «{index.Knowledge.PaperTitle.Ru}»"
        : $"Source: “{index.Knowledge.PaperTitle.En}”");

    /// <param name="focus">The one item the question is about: named first, with its place in the list.</param>
    public Reply Fact(Fact fact, Lang lang, ListItem? focus = null)
    {
        var blocks = new List<ReplyBlock> { new Paragraph(fact.Text[lang]) };
        if (focus is not null)
        {
            // The item asked about first, with its place; the list after it, so its neighbours are in view.
            blocks.Add(new Paragraph(UiText.ItemOfList(focus.Order, fact.Items.Count, focus.Text[lang])[lang]));
        }

        if (fact.ItemTexts[lang].Count > 0)
        {
            blocks.Add(new BulletList(fact.ItemTexts[lang]));
        }

        var followUps = new[] { QuoteFollowUp(fact.Id, UiText.QuoteButton[lang]) }
            .Concat(fact.See.Select(id => FollowUpFor(id, lang)))
            .Concat(fact.About.Select(id => FollowUpFor(id, lang)))
            .OfType<FollowUp>().DistinctBy(f => f.Command).Take(MaxFollowUps).ToList();
        return new Reply(lang, ReplyOutcome.Answered, blocks, [Cite(fact.Cite, lang)], [fact.Id], followUps);
    }

    /// <param name="brief">An answer to a question in words: the programmes are offered as follow-ups, not listed in the text.</param>
    /// <param name="asked">What a question in words asks besides the thing's names: the summary's sentences that speak to
    /// it are what is shown; none given, the whole summary.</param>
    /// <param name="definition">The question asks what the thing is: its first sentences are shown whatever else is asked.</param>
    /// <param name="figures">The question asks or claims a figure or a date: when no sentence that speaks to it gives one,
    /// those that do are shown too.</param>
    public Reply Overview(Entity entity, Lang lang, bool brief = false, IReadOnlyList<QueryTerm>? asked = null, bool definition = false,
        bool figures = false)
    {
        var summary = asked is { Count: > 0 } ? SentencesSpeakingTo(entity.Summary[lang], asked, definition ? DefinitionLeadSentences : LeadSentences, figures)
            : entity.Summary[lang];
        // An answer in words needs no heading when its text already names what it is about; a command's reply keeps it.
        var blocks = brief && NamesItself(entity, summary)
            ? new List<ReplyBlock> { new Paragraph(summary) }
            : new List<ReplyBlock> { new Heading(entity.Name[lang]), new Paragraph(summary) };
        var children = index.ChildrenOf(entity.Id).Where(e => e.Kind != EntityKind.Phase).ToList();
        if (children.Count > 0 && !brief)
        {
            var label = lang == Lang.Ru ? "Программы и регионы: " : "Programmes and regions: ";
            blocks.Add(new Paragraph(label + string.Join(", ", children.Select(c => c.Name[lang])) + "."));
        }

        var quote = QuoteFollowUp(entity.Id, UiText.QuoteButton[lang]);
        var phases = index.ChildrenOf(entity.Id, EntityKind.Phase).Any()
            ? new FollowUp(lang == Lang.Ru ? "Этапы" : "Phases", $"/{CommandTable.Phases.Name} {entity.Id}")
            : null;
        var compare = entity.Kind == EntityKind.Country && index.Showcase.Countries.FirstOrDefault(e => e.Id != entity.Id) is { } other
            ? new FollowUp((lang == Lang.Ru ? "Сравнить с: " : "Compare with ") + other.Name[lang], $"/{CommandTable.Compare.Name} {entity.Id} {other.Id}")
            : null;

        // The children fill what the fixed follow-ups leave of the bound.
        var room = MaxFollowUps + 1 - new[] { quote, phases, compare }.Count(f => f is not null);
        var followUps = new[] { quote, phases }
            .Concat(children.Take(room).Select(c => FollowUpFor(c.Id, lang)))
            .Append(compare)
            .OfType<FollowUp>().ToList();
        return new Reply(lang, ReplyOutcome.Answered, blocks, [Cite(entity.Cite, lang)], [entity.Id], followUps);
    }

    /// <param name="brief">Each phase by its name and years only: what "how many stages" and "when" ask; the follow-ups
    /// show the rest.</param>
    public Reply Phases(Entity owner, IReadOnlyList<Entity> phases, Lang lang, bool brief = false)
    {
        // Each phase by its first sentence: the list shows the sequence, the follow-ups and /fact the whole of each. A
        // sentence that only says again which phase it is and when ("the first of the three phases … ran from 2004 to
        // 2009") is left out: the name and years say it.
        // A sentence that gives the phase's years itself ("The first of the three stages (2005–2009) was devoted to …")
        // stands for its name, so the years are not said twice.
        var items = phases.Select(p => FirstSentence(p.Summary[lang]) is var first && !brief && SaysMoreThanItsName(first, p, owner)
            ? StatesYears(first, p) ? first : $"{p.Name[lang]}{Years(p)}: {first}"
            : $"{p.Name[lang]}{Years(p)}").ToList();
        var heading = (lang == Lang.Ru ? "Этапы: " : "Phases: ") + owner.Name[lang];
        var citations = phases.Select(p => p.Cite).Distinct(CiteComparer.Instance).Select(c => Cite(c, lang)).ToList();
        var followUps = new[] { FollowUpFor(owner.Id, lang) }
            .Concat(phases.Select(p => QuoteFollowUp(p.Id, Shorten(UiText.QuoteButtonOf(p.Name[lang])))))
            .OfType<FollowUp>().Take(MaxFollowUps).ToList();
        return new Reply(lang, ReplyOutcome.Answered, [new Heading(heading), new BulletList(items, Numbered: true)], citations,
            phases.Select(p => p.Id).ToList(), followUps);
    }

    /// <param name="asked">What a question in words compares them by, for each: the sentences of its summary that speak
    /// to it are shown; none given, the whole of each summary.</param>
    public Reply Compare(IReadOnlyList<Entity> entities, Lang lang, Func<Entity, IReadOnlyList<QueryTerm>>? asked = null, bool figures = false)
    {
        var blocks = new List<ReplyBlock>();
        foreach (var e in entities)
        {
            blocks.Add(new Heading(e.Name[lang]));
            var by = asked?.Invoke(e) ?? [];
            blocks.Add(new Paragraph(by.Count > 0 || figures && asked is not null ? SentencesSpeakingTo(e.Summary[lang], by, LeadSentences, figures) : e.Summary[lang]));
        }

        var citations = entities.Select(e => e.Cite).Distinct(CiteComparer.Instance).Select(c => Cite(c, lang)).ToList();
        var followUps = entities.Select(e => FollowUpFor(e.Id, lang))
            .Concat(entities.Select(e => QuoteFollowUp(e.Id, Shorten(UiText.QuoteButtonOf(e.Name[lang])))))
            .OfType<FollowUp>().Take(MaxFollowUps + 1).ToList();
        return new Reply(lang, ReplyOutcome.Answered, blocks, citations, entities.Select(e => e.Id).ToList(), followUps);
    }

    /// <summary>
    /// "The paper does not give the budget of TORCH": what was asked is missing for the thing named; the entries that
    /// do give it are offered instead, so the student sees what the paper has.
    /// </summary>
    public Reply NotGiven(IndexedAttribute attribute, SearchDocument closest, Lang lang)
    {
        var subject = closest.Entity ?? closest.Fact!.About.Select(index.FindEntity).OfType<Entity>().FirstOrDefault();
        var what = attribute.Attribute.Name[lang];
        var message = subject is null
            ? UiText.NotGiven(what)[lang]
            : UiText.NotGivenFor(what, subject.Name[lang])[lang];
        var givers = attribute.GivenBy.Select(id => index.FindDocument(id)).OfType<SearchDocument>()
            .OrderBy(d => d.Fact is null ? 1 : 0).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        var blocks = new List<ReplyBlock> { new Paragraph(message) };
        var followUps = givers.Take(MaxFollowUps - 1).Select(d => FollowUpFor(d.Id, lang)).OfType<FollowUp>().ToList();
        if (givers.Count > 0 && givers.Count <= MaxFollowUps)
        {
            blocks.Add(new Paragraph(UiText.GivenOnlyFor(what)[lang]));
            blocks.Add(new BulletList(givers.Select(d => d.Fact is { } f ? f.Text[lang] : d.Entity!.Name[lang]).ToList()));
        }

        if (subject is not null && FollowUpFor(subject.Id, lang) is { } about) followUps.Add(about);
        return new Reply(lang, ReplyOutcome.NotFound, blocks, [], [], followUps) { ClosestId = closest.Id };
    }


    /// <summary>The paper's words of an entry: each passage in quotation marks, then its citation as every answer gives it.</summary>
    public Reply Quote(QuotableEntry entry, Lang lang)
    {
        var blocks = new List<ReplyBlock> { new Paragraph(UiText.QuoteIntro[lang]) };
        blocks.AddRange(entry.Quote.Select(passage => new Paragraph(UiText.Quoted(passage, lang))));
        if (entry.Items.Count > 0)
        {
            // The list's own numbering when the items with words are its first n, else each says its place.
            var complete = entry.Items.Select(i => i.Order).SequenceEqual(Enumerable.Range(1, entry.Items.Count));
            blocks.Add(new Paragraph(UiText.QuotedItemsHeading[lang]));
            blocks.Add(new BulletList(entry.Items.Select(i => (complete ? "" : $"{i.Order}. ") + string.Join(" ", i.Quote.Select(p => UiText.Quoted(p, lang)))).ToList(),
                Numbered: complete));
        }

        var followUps = new[] { FollowUpFor(entry.DocumentId, lang) }.OfType<FollowUp>().ToList();
        return new Reply(lang, ReplyOutcome.Answered, blocks, [Cite(entry.Cite, lang)], [entry.DocumentId], followUps);
    }

    /// <summary>
    /// "📖 quote" for an entry that has the paper's words. An entry without them gets no button rather than one that
    /// leads to "not added yet"; with the paper beside the knowledge every entry must have them.
    /// </summary>
    private FollowUp? QuoteFollowUp(string id, string label) =>
        QuotableEntries.Find(index, id) is { HasQuote: true } ? new FollowUp(label, $"/{CommandTable.Quote.Name} {id}") : null;

    /// <summary>A follow-up that shows a fact or an entity, labelled with its name or the start of its text.</summary>
    public FollowUp? FollowUpFor(string id, Lang lang)
    {
        if (index.FindEntity(id) is { } e)
        {
            var command = e.Kind switch
            {
                EntityKind.Country => $"/{CommandTable.Country.Name} {e.Id}",
                EntityKind.Programme or EntityKind.Region => $"/{CommandTable.Programme.Name} {e.Id}",
                _ => $"/{CommandTable.Fact.Name} {e.Id}",
            };
            return new FollowUp(Shorten(e.Name[lang]), command);
        }

        if (index.FindDocument(id)?.Fact is { } f)
        {
            return new FollowUp(Shorten(f.Text[lang]), $"/{CommandTable.Fact.Name} {f.Id}");
        }

        return null;
    }

    private static string Years(Entity e) => e.Start is { } start && e.Name.Ru.Contains(start.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) ? "" : (e.Start, e.End) switch
    {
        (int s, int end) => $" ({s}–{end})",
        (int s, null) => $" ({s}–)",
        _ => "",
    };

    /// <summary>
    /// The lead sentences and those that speak to what is asked: the sentence that uses the most of the asked words (by
    /// weight), those that use nearly as much, and each that uses an asked word none before it has, so every word asked is
    /// shown where it is said most fully ("the top 100" is not shown for "which US cluster is in the top five" once "the
    /// top five" is). A narrow question that some sentence speaks to gets only those.
    /// </summary>
    private static string SentencesSpeakingTo(string text, IReadOnlyList<QueryTerm> asked, int lead, bool figures)
    {
        var sentences = Sentences.Of(text);
        var used = sentences.Select(sentence => WordStemmer.StemAll(sentence).ToHashSet(StringComparer.Ordinal) is var stems
            ? asked.Where(t => t.Matches.Overlaps(stems)).ToList() : []).ToList();
        var weights = used.Select(u => u.Sum(t => t.Weight)).ToList();
        var speaking = sentences.Select(_ => false).ToList();
        var shown = new HashSet<QueryTerm>();
        var most = weights.DefaultIfEmpty(0).Max();
        foreach (var i in Enumerable.Range(0, sentences.Count).Where(i => used[i].Count > 0).OrderByDescending(i => weights[i]))
        {
            if (shown.Count > 0 && weights[i] < most * SpeakingShare && !used[i].Any(t => (t.Weight >= MinNewWordWeight || t.FromAlias) && !shown.Contains(t))) continue;
            speaking[i] = true;
            shown.UnionWith(used[i]);
        }

        if (figures && !sentences.Where((_, i) => speaking[i]).Any(GivesAFigure))
        {
            // "When …?", "how many …?", or a figure claimed: the sentences that give one, when none of those shown does.
            for (var i = 0; i < sentences.Count; i++) speaking[i] |= GivesAFigure(sentences[i]);
        }

        if (lead == LeadSentences && speaking.Any(s => s)) lead = 0;
        return string.Join(" ", sentences.Where((_, i) => i < lead || speaking[i]));
    }

    /// <summary>A figure in digits or a count in words ("three years"); not a digit inside a name ("5G").</summary>
    private static bool GivesAFigure(string sentence) =>
        StandaloneNumber().IsMatch(sentence) || TextNormaliser.Tokenise(sentence).Any(t => NumberWords.CountOf(t) is > 1);

    // "1990s" is a decade; "5G" a name.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}\d])\d+s?(?![\p{L}\d])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex StandaloneNumber();

    /// <summary>Whether the text uses every word of the entity's name, or of one of its aliases, in one language or the other.</summary>
    private static bool NamesItself(Entity entity, string text)
    {
        var said = WordStemmer.StemAll(text).ToHashSet(StringComparer.Ordinal);
        return new[] { entity.Name.Ru, entity.Name.En }.Concat(entity.Aliases.All)
            .Select(name => TextNormaliser.Tokenise(name).Where(t => !StopWords.Contains(t)).Select(WordStemmer.Stem).ToList())
            .Any(words => words.Count > 0 && words.All(said.Contains));
    }

    /// <summary>Words that place a phase in its sequence and time, and so say nothing its name and years do not.</summary>
    private static readonly HashSet<string> SequenceWords = new[]
    {
        "первая", "первый", "вторая", "второй", "третья", "третий", "трёх", "трех", "фаза", "фаз", "этап", "этапов", "стадия", "кластерной",
        "политики", "год", "году", "года", "проходила", "начался", "началась", "длилась", "так", "называемая", "начальная",
        "first", "second", "third", "three", "phase", "phases", "stage", "stages", "cluster", "policy", "year", "ran", "began", "lasted",
        "initial", "so", "called", "the",
    }.Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private static bool SaysMoreThanItsName(string sentence, Entity phase, Entity owner)
    {
        var named = WordStemmer.StemAll(string.Join(" ", new[] { phase.Name.Ru, phase.Name.En, owner.Name.Ru, owner.Name.En }.Concat(owner.Aliases.All)))
            .ToHashSet(StringComparer.Ordinal);
        return TextNormaliser.Tokenise(sentence).Where(t => t.Length > 2 && !StopWords.Contains(t) && !QueryAnalysis.IsNumber(t)).Select(WordStemmer.Stem)
            .Any(stem => !named.Contains(stem) && !SequenceWords.Contains(stem));
    }

    private static bool StatesYears(string sentence, Entity phase) =>
        phase.Start is { } start && sentence.Contains(start.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) &&
        (phase.End is not { } end || sentence.Contains(end.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static string FirstSentence(string text) => Sentences.Of(text).FirstOrDefault() ?? text;

    private static string Shorten(string text) =>
        text.Length <= FollowUpLabelLength ? text : text[..(FollowUpLabelLength - 1)].TrimEnd() + "…";

    /// <summary>Each distinct citation once, in the order given.</summary>
    public IReadOnlyList<Citation> CiteAll(IEnumerable<Cite> cites, Lang lang) =>
        cites.Distinct(CiteComparer.Instance).Select(c => Cite(c, lang)).ToList();

    private sealed class CiteComparer : IEqualityComparer<Cite>
    {
        public static readonly CiteComparer Instance = new();

        public bool Equals(Cite? x, Cite? y) => x is not null && y is not null && x.Section == y.Section && x.Refs.SequenceEqual(y.Refs);

        public int GetHashCode(Cite obj) => HashCode.Combine(obj.Section, obj.Refs.Count);
    }
}
