using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;
using F23.StringSimilarity;

namespace ClusterBot.Core.Answering;

/// <summary>The replies to each command, in one language, over one snapshot of the knowledge.</summary>
internal sealed class CommandHandlers(KnowledgeIndex index, ReplyComposer composer, Lang lang)
{
    public Lang Lang => lang;

    private const double DidYouMeanSimilarity = 0.8;
    private const int MaxListFollowUps = 6;
    private static readonly JaroWinkler Similarity = new();

    public Reply Help(bool welcome)
    {
        var showcase = index.Showcase;
        var blocks = new List<ReplyBlock>();
        blocks.Add(new Paragraph(welcome ? UiText.Welcome(showcase)[lang] : UiText.HelpHeading[lang]));
        blocks.Add(new BulletList(CommandTable.Listed.Select(c => HelpLine(c, showcase)).ToList()));
        blocks.Add(new Paragraph(UiText.HelpFooter(showcase)[lang]));
        var followUps = showcase.Countries.Select(e => composer.FollowUpFor(e.Id, lang)).OfType<FollowUp>().Take(MaxListFollowUps).ToList();
        return new Reply(lang, ReplyOutcome.Answered, blocks, [], [], followUps);
    }

    /// <summary>"/phases &lt;country or programme&gt; — the phases … (e.g. /phases korea)", the example taken from the knowledge.</summary>
    private string HelpLine(CommandSpec command, KnowledgeShowcase showcase)
    {
        var usage = command.Usage[lang].Length > 0 ? " " + command.Usage[lang] : "";
        var example = command.Argument == CommandArgument.None ? null : showcase.Example(command);
        return $"/{command.Name}{usage} — {command.Describe(showcase, lang)}{(example is null ? "" : " " + UiText.ForExample(example)[lang])}";
    }

    /// <summary>/country and /programme: the overview of what the argument names, a list when it names nothing.</summary>
    public Reply Entity(string argument, EntityKind[] kinds, CommandSpec command)
    {
        if (argument.Length == 0)
        {
            return ListOf(kinds, command);
        }

        var found = Resolve(argument, kinds);
        return found is null ? DidYouMean(argument, kinds, command) : composer.Overview(found, lang);
    }

    /// <param name="brief">A question of how many or when in words: each phase by its name and years.</param>
    public Reply Phases(string argument, bool brief = false)
    {
        var owners = index.Entities.Where(e => index.ChildrenOf(e.Id, EntityKind.Phase).Any()).ToList();
        if (argument.Length == 0)
        {
            return ListReply(UiText.PhasesHeading[lang], owners, CommandTable.Phases);
        }

        var owner = Resolve(argument, CommandArgument.PhaseOwner.Kinds());
        if (owner is null)
        {
            return DidYouMean(argument, [EntityKind.Country, EntityKind.Programme], CommandTable.Phases);
        }

        if (owner.Kind == EntityKind.Phase && owner.ParentId is not null)
        {
            owner = index.FindEntity(owner.ParentId) ?? owner;
        }

        var phases = index.ChildrenOf(owner.Id, EntityKind.Phase).OrderBy(p => p.Order).ToList();
        if (phases.Count == 0)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.NotFound, UiText.NoPhases[lang] + " " + UiText.PhasesHeading[lang] + " " +
                string.Join(", ", owners.Select(o => o.Name[lang])));
        }

        return composer.Phases(owner, phases, lang, brief);
    }

    public Reply Compare(string argument)
    {
        var query = QueryAnalyser.Analyse(argument, index);
        var entities = query.EntityIds.Select(index.FindEntity).OfType<Entity>()
            .Where(e => CommandArgument.Comparison.Kinds().Contains(e.Kind))
            .DistinctBy(e => e.Id).ToList();
        if (entities.Count < 2)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.Invalid, UiText.CompareUsage(index.Showcase)[lang]);
        }

        return composer.Compare(entities.Take(3).ToList(), lang);
    }

    public Reply Sources()
    {
        var kb = index.Knowledge;
        var blocks = new List<ReplyBlock>
        {
            new Heading($"{UiText.SourcesHeading[lang]}: {kb.PaperTitle[lang]}"),
            new Paragraph(UiText.SectionsHeading[lang]),
            new BulletList(kb.Sections.Select(s => $"§{s.Id} {s.Title[lang]}").ToList()),
            new Paragraph(UiText.ReferencesHeading[lang]),
            new BulletList(kb.References.OrderBy(r => r.Number).Select(r => $"[{r.Number}] §{r.Section}: {r.CitedFor[lang]}").ToList()),
        };
        return new Reply(lang, ReplyOutcome.Answered, blocks, [composer.CitePaper(lang)], [], []);
    }

    public Reply Language(string argument)
    {
        if (LangExtensions.ParseLang(argument) is { } chosen)
        {
            return AnswerEngine.Fallback(chosen, ReplyOutcome.Answered, UiText.LangSet[chosen]) with { LanguageChange = chosen };
        }

        return AnswerEngine.Fallback(lang, argument.Length == 0 ? ReplyOutcome.Answered : ReplyOutcome.Invalid, UiText.LangUsage[lang]);
    }

    /// <summary>/fact: a fact or entity by id (what follow-up buttons send).</summary>
    public Reply Show(string argument)
    {
        var id = argument.Trim().ToLowerInvariant();
        if (index.FindDocument(id) is { } doc)
        {
            return doc.Fact is { } fact ? composer.Fact(fact, lang) : composer.Overview(doc.Entity!, lang);
        }

        return AnswerEngine.Fallback(lang, ReplyOutcome.NotFound, UiText.UnknownName(argument)[lang] + " " + UiText.TrySomething(index.Showcase)[lang]);
    }

    /// <summary>/quote: the paper's words of a fact, an entity or a list item ("&lt;fact id&gt;.&lt;n&gt;"); a name typed for an id works too.</summary>
    public Reply Quote(string argument)
    {
        var id = argument.Trim().ToLowerInvariant();
        if (id.Length == 0)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.Invalid, UiText.QuoteUsage(index.Showcase)[lang]);
        }

        var entry = QuotableEntries.Find(index, id) ?? (Named(argument) is { } named ? QuotableEntries.Find(index, named.Id) : null);
        if (entry is null)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.NotFound, UiText.UnknownEntry(argument.Trim())[lang]);
        }

        if (!entry.HasQuote)
        {
            var back = new[] { composer.FollowUpFor(entry.DocumentId, lang) }.OfType<FollowUp>().ToList();
            return new Reply(lang, ReplyOutcome.NotFound, [new Paragraph(UiText.NoQuote[lang])], [], [], back);
        }

        return composer.Quote(entry, lang);
    }

    /// <summary>The entity whose name or alias the whole argument is; null for anything else (a question is not a name).</summary>
    private Entity? Named(string argument)
    {
        var needle = TextNormaliser.Normalise(argument);
        return index.Entities.FirstOrDefault(e => KnowledgeValidator.AliasesOf(e).Any(a => TextNormaliser.Normalise(a) == needle));
    }

    /// <summary>The entity an argument names: preferred kinds first, then any kind; null when it names none.</summary>
    private Entity? Resolve(string argument, EntityKind[] kinds)
    {
        if (index.FindEntity(argument.Trim().ToLowerInvariant()) is { } byId)
        {
            return byId;
        }

        var named = QueryAnalyser.Analyse(argument, index).EntityIds.Select(index.FindEntity).OfType<Entity>().ToList();
        return named.FirstOrDefault(e => kinds.Contains(e.Kind)) ?? named.FirstOrDefault() ?? ByNameWords(argument, kinds);
    }

    /// <summary>
    /// "/programme 5g", "/programme сэз": words of exactly one name or alias of the kinds asked for, though not a
    /// whole name (a bare abbreviation is no alias when it could mislead a free-text question).
    /// </summary>
    private Entity? ByNameWords(string argument, EntityKind[] kinds)
    {
        var words = WordStemmer.StemAll(argument).ToList();
        if (words.Count == 0) return null;
        var matches = index.Entities.Where(e => kinds.Contains(e.Kind) &&
            KnowledgeValidator.AliasesOf(e).Any(a => WordStemmer.StemAll(a).ToHashSet(StringComparer.Ordinal).IsSupersetOf(words))).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private Reply ListOf(EntityKind[] kinds, CommandSpec command)
    {
        var heading = kinds.Contains(EntityKind.Country) ? UiText.CountriesHeading[lang] : UiText.ProgrammesHeading[lang];
        return ListReply(heading, index.Showcase.Entities.Where(e => kinds.Contains(e.Kind)).ToList(), command);
    }

    /// <summary>The programmes and regions of one country or topic, as /programme lists them.</summary>
    public Reply ProgrammesOf(string entityId)
    {
        var owner = index.FindEntity(entityId)!;
        var children = index.ChildrenOf(entityId).Where(e => e.Kind is EntityKind.Programme or EntityKind.Region).ToList();
        // The names come from the paragraphs that introduce each programme: those are what the list cites.
        var citations = composer.CiteAll(children.Select(e => e.Cite), lang);
        return ListReply($"{UiText.ProgrammesHeading[lang]} {owner.Name[lang]}", children, CommandTable.Programme) with { Citations = citations };
    }

    private Reply ListReply(string heading, IReadOnlyList<Entity> entities, CommandSpec command)
    {
        var items = entities.Select(e => $"{e.Name[lang]} — /{command.Name} {e.Id}").ToList();
        var followUps = entities.Take(MaxListFollowUps).Select(e => new FollowUp(e.Name[lang], $"/{command.Name} {e.Id}")).ToList();
        return new Reply(lang, ReplyOutcome.Answered, [new Paragraph(heading), new BulletList(items)], [], [], followUps);
    }

    /// <summary>An unknown name: the closest known names (fuzzy), or the list of what exists.</summary>
    private Reply DidYouMean(string argument, EntityKind[] kinds, CommandSpec command)
    {
        var needle = TextNormaliser.Normalise(argument);
        var candidates = index.Entities.Where(e => kinds.Contains(e.Kind))
            .Select(e => (Entity: e, Score: KnowledgeValidator.AliasesOf(e).Max(a => Similarity.Similarity(needle, TextNormaliser.Normalise(a)))))
            .OrderByDescending(x => x.Score)
            .ToList();
        var close = candidates.Where(x => x.Score >= DidYouMeanSimilarity).Take(3).Select(x => x.Entity).ToList();
        var shown = close.Count > 0 ? close : candidates.Select(x => x.Entity).ToList();
        var intro = UiText.UnknownName(argument)[lang] + " " + (close.Count > 0 ? UiText.MaybeYouMean[lang] : UiText.Available[lang]);
        var items = shown.Select(e => $"{e.Name[lang]} — /{command.Name} {e.Id}").ToList();
        var followUps = shown.Take(MaxListFollowUps).Select(e => new FollowUp(e.Name[lang], $"/{command.Name} {e.Id}")).ToList();
        return new Reply(lang, ReplyOutcome.NotFound, [new Paragraph(intro), new BulletList(items)], [], [], followUps);
    }
}
