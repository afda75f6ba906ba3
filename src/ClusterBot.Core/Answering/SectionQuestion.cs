using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>
/// A question about the paper's own layout — "что в разделе 3", "which section is about China", "сколько подразделов в
/// основной части" — answered from its list of sections, not from a fact that happens to share a word.
/// </summary>
public static class SectionQuestion
{
    private static readonly string[] SectionWordStarts = ["раздел", "подраздел", "section", "subsection", "chapter", "§"];

    // "Глава" by its forms: as a prefix it would take "главный".
    private static readonly HashSet<string> ChapterWords = new(StringComparer.Ordinal) { "глава", "главе", "главы", "главу", "главой", "глав", "главах", "главам" };

    private static readonly string[] SubsectionWordStarts = ["подраздел", "subsection"];

    /// <summary>The reply, or null when the question does not ask about the sections.</summary>
    public static Reply? Answer(QueryAnalysis query, KnowledgeIndex index, ReplyComposer composer, Lang lang)
    {
        if (AsksForThePapersDetails(query))
        {
            // "Когда вышла статья?", "who funded the authors' research": the text the bot knows carries no such details.
            var followUps = index.Showcase.Countries.Select(c => composer.FollowUpFor(c.Id, lang)).OfType<FollowUp>().ToList();
            return new Reply(lang, ReplyOutcome.NotFound, [new Paragraph(UiText.NoPaperDetails(index.Knowledge.PaperTitle[lang])[lang])], [], [], followUps);
        }

        if (query.YesNo)
        {
            return AsksWhetherThePaperStudies(query, index) is { } studied ? Countries(index, composer, lang, studied) : null;
        }

        if (!query.Tokens.Any(IsSectionWord))
        {
            // "О чём статья?", "what is the paper about": its countries, each with its section, are what it is about.
            return AsksForThePapersCountries(query) || AsksWhatThePaperIsAbout(query) ? Countries(index, composer, lang) : null;
        }

        var sections = index.Knowledge.Sections;
        var named = query.Tokens.Select(t => sections.FirstOrDefault(s => s.Id == t)).OfType<Section>().ToList();
        if (named.Count > 0)
        {
            // "Раздел 2" is 2.1, 2.2 and 2.3 when the paper numbers no section "2" itself.
            return List(UiText.SectionsNamed[lang], named, index, composer, lang);
        }

        var numbers = query.Tokens.Where(QueryAnalysis.IsNumber).ToList();
        var parents = numbers.SelectMany(n => sections.Where(s => s.Id.StartsWith(n + ".", StringComparison.Ordinal))).ToList();
        if (parents.Count > 0) return List(UiText.SectionsNamed[lang], parents, index, composer, lang);

        var about = query.EntityIds.Select(index.FindEntity).OfType<Entity>().Select(e => index.RootOf(e.Id) ?? e)
            .Select(e => sections.FirstOrDefault(s => s.Id == e.Cite.Section)).OfType<Section>().Distinct().ToList();
        if (about.Count > 0) return List(UiText.SectionsAbout[lang], about, index, composer, lang);

        var sub = query.Tokens.Any(t => SubsectionWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal)));
        var wanted = sub ? sections.Where(s => s.Id.Contains('.', StringComparison.Ordinal)).ToList() : sections.ToList();
        return List(UiText.SectionsCount(wanted.Count, sub)[lang], wanted, index, composer, lang);
    }

    private static readonly string[] CountryWordStarts = ["стран", "countr"];

    private static readonly string[] PaperWordStarts = ["стать", "статье", "paper", "article", "автор", "author", "study", "исследован"];

    /// <summary>"Какие страны рассматривает статья?", "which country does the paper start with": its countries, in order.</summary>
    private static bool AsksForThePapersCountries(QueryAnalysis query) =>
        query.EntityIds.Count == 0 && query.Intent is Intent.List or Intent.None or Intent.Count &&
        query.Tokens.Any(t => CountryWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal))) &&
        query.Tokens.Any(t => PaperWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal))) &&
        // Only which countries, and in what order: "what criteria chose the countries" asks something else.
        query.Terms.Count(t => !IsFrameWord(t.Stem) && NumberWords.CountOf(t.Stem) is null) <= 1;

    /// <summary>Only the paper is named, and nothing asked of it but what it is about ("о чём вообще статья", "what's the article about").</summary>
    private static bool AsksWhatThePaperIsAbout(QueryAnalysis query) =>
        query.EntityIds.Count == 0 && query.Intent is Intent.None or Intent.Definition &&
        query.Tokens.Any(t => PaperWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal))) &&
        (Phrases.Contains(query.Tokens, ["о", "чём"]) || Phrases.Contains(query.Tokens, ["о", "чем"]) || Phrases.Contains(query.Tokens, ["про", "что"]) ||
         query.Tokens.Contains("about")) &&
        query.Terms.All(t => IsFrameWord(t.Stem));

    /// <summary>What a question may ask of a paper as a publication: when and where it came out, who wrote or paid for it.</summary>
    private static readonly string[] DetailWordStarts =
    [
        "опубликова", "публикац", "вышл", "издан", "издат", "журнал", "написал", "написан", "финансир", "грант", "спонсир", "doi", "страниц",
        "publish", "publicat", "journal", "wrote", "written", "fund", "grant", "sponsor", "pages", "venue", "affiliat",
    ];

    private static readonly string[] YearWordStarts = ["год", "year", "когда", "when"];

    /// <summary>
    /// Only the paper (or its authors or their study) is named, and what is asked of it is a detail of the publication:
    /// "what year was the article published", "кто финансировал исследование авторов", "who are the authors".
    /// </summary>
    private static bool AsksForThePapersDetails(QueryAnalysis query)
    {
        bool Starts(string word, string[] starts) => starts.Any(p => word.StartsWith(p, StringComparison.Ordinal));
        if (query.EntityIds.Count > 0 || query.Places.Count > 0 || !query.Tokens.Any(t => Starts(t, PaperWordStarts))) return false;
        var detail = query.Tokens.Any(t => Starts(t, DetailWordStarts));
        // "Кто авторы статьи?": who the authors are is a detail too.
        var whoWrote = query.Tokens.Any(t => t is "кто" or "who" or "whose" or "чья" or "чьё") && query.Tokens.Any(t => Starts(t, ["автор", "author"]));
        // Every content word is one of these, as the question writes it ("article", not its stem "articl").
        bool Allowed(string word) => Starts(word, PaperWordStarts) || Starts(word, DetailWordStarts) || Starts(word, YearWordStarts) || Starts(word, ["работ", "work", "выш"]);
        return (detail || whoWrote) && query.Terms.All(t => query.Tokens.Where(w => WordStemmer.Stem(w) == t.Stem).Any(Allowed) || Allowed(t.Stem));
    }

    private static readonly string[] FrameWordStarts =
    [
        "стран", "countr", "стат", "paper", "articl", "автор", "author", "studi", "исследован", "рассматр", "рассмотр", "look", "examin",
        "consid", "review", "cover", "изуч", "описыва", "разбир", "talk", "about", "перв", "first", "start", "begin", "нач", "order", "порядк", "overview", "обзор",
    ];

    private static readonly string[] StudyWordStarts =
    [
        "рассматр", "рассмотр", "изуч", "описыва", "анализ", "исследу", "studi", "cover", "examin", "consid", "review", "look", "analys", "discuss",
    ];

    private static readonly string[] PolicyWordStarts = ["кластер", "cluster", "polic", "политик", "опыт", "experi"];

    /// <summary>
    /// "Does the paper study the cluster policy of the USA?": yes when the country named is one the paper studies, no
    /// for a place it is not; null when the question is not of that form.
    /// </summary>
    private static bool? AsksWhetherThePaperStudies(QueryAnalysis query, KnowledgeIndex index)
    {
        if (!query.Tokens.Any(t => PaperWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal))) ||
            !query.Tokens.Select(WordStemmer.Stem).Any(t => StudyWordStarts.Any(p => t.StartsWith(p, StringComparison.Ordinal))))
        {
            return null;
        }

        var countries = query.EntityIds.Where(id => index.FindEntity(id)?.Kind == EntityKind.Country).ToList();
        var named = countries.Count + query.Places.Count;
        var rest = query.Terms.Where(t => !t.FromAlias && !query.Places.Contains(t) && !IsFrameWord(t.Stem) &&
            !StudyWordStarts.Concat(PolicyWordStarts).Any(p => t.Stem.StartsWith(p, StringComparison.Ordinal)));
        if (named != 1 || query.EntityIds.Count != countries.Count || rest.Any()) return null;
        return countries.Count == 1;
    }

    private static bool IsFrameWord(string stem) => FrameWordStarts.Any(p => stem.StartsWith(p, StringComparison.Ordinal));

    private static Reply Countries(KnowledgeIndex index, ReplyComposer composer, Lang lang, bool? verdict = null)
    {
        var sections = index.Knowledge.Sections;
        var countries = index.Showcase.Countries;
        var lines = countries.Select(c => sections.FirstOrDefault(s => s.Id == c.Cite.Section) is { } s ? $"§{s.Id} {c.Name[lang]}" : c.Name[lang]).ToList();
        var followUps = countries.Select(c => composer.FollowUpFor(c.Id, lang)).OfType<FollowUp>().ToList();
        ReplyBlock[] blocks = [new Paragraph(UiText.PapersCountries(countries.Count)[lang]), new BulletList(lines)];
        if (verdict is { } yes) blocks = [new Paragraph(UiText.YesOrNo(yes)[lang]), .. blocks];
        return new Reply(lang, ReplyOutcome.Answered, blocks, [composer.CitePaper(lang)], [], followUps);
    }

    private static bool IsSectionWord(string token) => ChapterWords.Contains(token) || SectionWordStarts.Any(p => token.StartsWith(p, StringComparison.Ordinal));

    private static Reply List(string heading, IReadOnlyList<Section> sections, KnowledgeIndex index, ReplyComposer composer, Lang lang)
    {
        // Each section leads to the country or topic it is about, where the knowledge has one.
        var followUps = sections.Select(s => index.Knowledge.Entities.FirstOrDefault(e => e.ParentId is null && e.Cite.Section == s.Id))
            .OfType<Entity>().Select(e => composer.FollowUpFor(e.Id, lang)).OfType<FollowUp>().ToList();
        var blocks = new List<ReplyBlock> { new Paragraph(heading), new BulletList(sections.Select(s => s.Id.Any(char.IsDigit) ? $"§{s.Id} {s.Title[lang]}" : s.Title[lang]).ToList()) };
        return new Reply(lang, ReplyOutcome.Answered, blocks, [composer.CitePaper(lang)], [], followUps);
    }
}
