using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Core.Text;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Answering;

/// <summary>
/// Routes a question: commands to their handlers, free text through analysis and ranking, and anything
/// odd to a friendly fallback. Stateless but for the quiz scores it reads; safe to call from many threads.
/// </summary>
/// <param name="quizzes">Where quiz answers are kept, for /score; without it /score says where scores are kept.</param>
public sealed class AnswerEngine(IKnowledgeSource knowledge, IOptions<AnswerEngineOptions> options, IQuizStore? quizzes = null) : IAnswerEngine
{
    private const int MaxArgumentLength = 100;

    /// <summary>Least total rarity (idf) of a question's words when it names nothing: one common word is not a question.</summary>
    private const double MinInformation = 2.0;
    /// <summary>How close to the best a candidate must score to answer instead of it when only it gives what is asked.</summary>
    private const double NearBest = 0.8;

    /// <summary>Above this rarity a word asks something of a thing, not only names it ("кластеры ГИИ" names; "publishes" asks).</summary>
    private const double NarrowWordWeight = 1.5;

    private readonly AnswerEngineOptions _options = options.Value;
    private readonly Lang _defaultLanguage = LangExtensions.ParseLang(options.Value.DefaultLanguage) ?? Lang.Ru;

    public Reply Answer(Question question)
    {
        var snapshot = knowledge.Current;
        var text = question.Text ?? "";
        if (text.Length > _options.MaxQuestionLength)
        {
            var lang = ChooseLanguage(question, text[..Math.Min(200, text.Length)]);
            return Fallback(lang, ReplyOutcome.Invalid, UiText.TooLong(_options.MaxQuestionLength)[lang]);
        }

        text = TextNormaliser.StripControlCharacters(text).Trim();
        if (CommandParser.Parse(text) is { } command)
        {
            return RunCommand(command, question, snapshot);
        }

        var language = ChooseLanguage(question, text);
        if (text.Length == 0)
        {
            return Fallback(language, ReplyOutcome.Invalid, UiText.Empty(snapshot.Index.Showcase)[language]);
        }

        return AnswerFreeText(text, language, snapshot);
    }

    private Reply AnswerFreeText(string text, Lang lang, KnowledgeSnapshot snapshot)
    {
        var index = snapshot.Index;
        var composer = new ReplyComposer(index);
        var query = QueryAnalyser.Analyse(text, index);
        if (query.Tokens.Count == 0 || (query.Terms.Count == 0 && query.EntityIds.Count == 0 && !query.Tokens.Any(t => t.Any(char.IsLetter))))
        {
            return Fallback(lang, ReplyOutcome.Invalid, UiText.NoWords(index.Showcase)[lang]);
        }

        var countries = query.EntityIds.Select(id => index.FindEntity(id)!).Where(e => e.Kind is EntityKind.Country).ToList();
        // "Compare Bavaria and NRW": two regions, or two programmes, side by side like two countries.
        var peers = query.EntityIds.Select(id => index.FindEntity(id)!).GroupBy(e => e.Kind).FirstOrDefault(g => g.Count() >= 2 && g.Key is not EntityKind.Country);
        // "Which started earlier, TORCH or OVOP?": two things set side by side in time are compared by their dates.
        var inTime = IntentDetector.AsksWhichCameFirst(query.Tokens);
        var compared = countries.Count >= 2 && (query.Intent == Intent.Compare || inTime || !query.KnownTerms.Any()) ? countries
            : (query.Intent == Intent.Compare || inTime) && peers is not null ? peers.ToList() : null;
        if (compared is not null)
        {
            // "Compare Bavaria's and NRW's budgets": side by side only when the paper gives what is compared for each.
            foreach (var attribute in query.Attributes)
            {
                if (compared.FirstOrDefault(e => !attribute.GivenBy.Any(id => index.FindDocument(id)?.EntityClosure.Contains(e.Id) == true)) is { } lacking &&
                    index.FindDocument(lacking.Id) is { } overview)
                {
                    return composer.NotGiven(attribute, overview, lang);
                }
            }

            // Compared by what the question names besides them: "by number of clusters" shows what each says of that.
            return composer.Compare(compared, lang, e => AskedOf(query, e, index).Where(t => !compared.Any(c => t.AliasOf == c.Id)).ToList(),
                figures: inTime || IntentDetector.AsksHowMany(query.Tokens));
        }

        if (SectionQuestion.Answer(query, index, composer, lang) is { } sections)
        {
            return sections;
        }

        if (StructuralQuestion.Route(query, index) is { } route)
        {
            // "Какие программы есть в Германии?", "phases of the ICCP": the question is a command in words.
            var handlers = new CommandHandlers(index, composer, lang);
            var listed = route.Command == CommandTable.Phases ? handlers.Phases(route.EntityId, brief: query.Intent is Intent.Count or Intent.When)
                : handlers.ProgrammesOf(route.EntityId);
            // "Сколько этапов …?": the count first, then the list.
            return query.Intent == Intent.Count && listed.Blocks.OfType<BulletList>().FirstOrDefault() is { } items
                ? CountFirst(listed, items.Items.Count, lang)
                : listed;
        }

        if (YesNoQuestion.ProgrammeOfAnother(query, index) is { } programme)
        {
            // "Leading-Edge — это программа Баварии?": no, and the programme's summary says whose it is.
            var summary = composer.Overview(programme, lang, brief: true);
            var whose = index.RootOf(programme.Id) is { Kind: EntityKind.Country } root && !MentionsName(summary, root.Name[lang])
                ? new ReplyBlock[] { new Paragraph(UiText.CountryIs(root.Name)[lang]) } : [];
            return summary with { Blocks = [new Paragraph(UiText.YesOrNo(false)[lang]), .. whose, .. summary.Blocks] };
        }

        if (query.IsMostlyUnknown && !query.YesNo || query.NamesSomethingUnknown && !query.YesNo)
        {
            var outcome = query.Terms.Count == 0 && query.EntityIds.Count == 0 ? ReplyOutcome.NotFound : ReplyOutcome.OutOfScope;
            var message = outcome == ReplyOutcome.OutOfScope ? UiText.OutOfScope(index.Showcase)[lang] : UiText.NotFound[lang];
            return WithSuggestions(lang, outcome, message, query.EntityIds.Select(id => composer.FollowUpFor(id, lang)).OfType<FollowUp>().ToList(), index.Showcase);
        }

        if (query.EntityIds.Count == 0 && query.KnownTerms.Sum(t => t.Weight) < MinInformation)
        {
            // "сколько кластеров?" names nothing and uses only words most facts share: any fact would be a guess.
            var suggestions = index.Showcase.Countries.Select(e => composer.FollowUpFor(e.Id, lang)).OfType<FollowUp>().ToList();
            return WithSuggestions(lang, ReplyOutcome.NotFound, UiText.TooVague(index.Showcase)[lang], suggestions, index.Showcase);
        }

        var ranked = Ranker.Rank(query, index, snapshot.Search);
        // Of the candidates close to the best, the first that gives what is asked (a year for "when", the counted
        // thing, the attribute) answers: "сколько компаний" is the fact that counts companies, not the one above it.
        var best = ranked.Count > 0 ? ranked[0] : null;
        // Of those, one that states a count of the counted thing ("created 7 clusters") before a list that only speaks of it.
        if (best is not null && !AskedKind.Gives(query, best.Document, index) &&
            NearTheBest(ranked).Where(s => AskedKind.Gives(query, s.Document, index))
                .OrderByDescending(s => AskedKind.StatesCountOf(query, s.Document)).FirstOrDefault() is { } giving)
        {
            ranked = Promoted(ranked, giving);
            best = giving;
        }

        // "Сколько кластеров в топе ГИИ?": of the near answers that count the thing, one whose figure follows the question's
        // own word ("топ-100") before one that counts it per country ("по 21 кластеру").
        if (best is not null && query.Intent == Intent.Count && !AskedKind.FramesFigure(query, best.Document) && AskedKind.Gives(query, best.Document, index) &&
            NearTheBest(ranked).FirstOrDefault(s => AskedKind.FramesFigure(query, s.Document) && AskedKind.Gives(query, s.Document, index)) is { } framed)
        {
            ranked = Promoted(ranked, framed);
            best = framed;
        }

        // "Who publishes the GII?": a question that asks something of a thing, not what it is, is answered by the fact of it
        // that says what is asked as fully as its overview does, not by the overview of everything.
        if (best is not null && best.Document.IsOverview && query.Intent != Intent.Definition && !query.YesNo &&
            AsksOfIt(query, best.Document.Entity!) &&
            NearTheBest(ranked).FirstOrDefault(s => s.Document.Fact is not null && s.Predicate >= best.Predicate &&
                s.Document.EntityClosure.Contains(best.Document.Id) && AskedKind.Gives(query, s.Document, index)) is { } narrow)
        {
            ranked = Promoted(ranked, narrow);
            best = narrow;
        }

        // "Бавария 4700 компаний правда?": a claim's figures are not searched for, so facts of the thing tie. Of those close
        // to the best, one that states the figures is the one the claim is about; failing that, one that states a figure
        // denies a wrong one ("40 причалов?" against "35"), where a fact without figures would neither bear it out nor deny it.
        if (best is not null && query.YesNo && YesNoQuestion.ClaimedFigures(query).Count > 0 && !YesNoQuestion.StatesClaimedFigures(query, best.Document) &&
            (NearTheBest(ranked).FirstOrDefault(s => YesNoQuestion.StatesClaimedFigures(query, s.Document)) ??
             (YesNoQuestion.StatesAFigure(best.Document) ? null : NearTheBest(ranked).FirstOrDefault(s => YesNoQuestion.StatesAFigure(s.Document)))) is { } stating)
        {
            ranked = Promoted(ranked, stating);
            best = stating;
        }

        // "Which country copied the experience of France and Japan?": the places are the paper's own mention; the country is asked.
        if (best is not null && !query.AsksWhichCountry && AboutAnotherCountry(query, best.Document, index))
        {
            // "Кластерная политика Франции": the paper mentions France only as an example of Korea's; it does not study it.
            return WithSuggestions(lang, ReplyOutcome.OutOfScope, UiText.OutOfScope(index.Showcase)[lang],
                best.Document.Roots.Select(id => composer.FollowUpFor(id, lang)).OfType<FollowUp>().ToList(), index.Showcase);
        }

        var runnerUp = ranked.Count > 1 ? ranked[1] : null;
        if (best is not null && query.Attributes.FirstOrDefault(a => !a.GivenBy.Contains(best.Document.Id)) is { } missing)
        {
            // "Who founded Bayern Innovativ?", "TORCH budget": the paper names the thing but does not give what is asked of it.
            return composer.NotGiven(missing, best.Document, lang);
        }

        if (best is not null && AskedKind.Missing(query, best.Document, index) is { } kind)
        {
            return composer.NotGiven(kind, best.Document, lang);
        }

        var evidence = best is null ? null
            : AnswerConfidence.Weigh(query, best, runnerUp, runnerUp is not null && AboutTheSameNamedThings(query, best.Document, runnerUp.Document));
        if (evidence is null || evidence.Confidence < _options.MinConfidence)
        {
            var suggestions = ranked.Take(3).Select(s => composer.FollowUpFor(s.Document.Id, lang)).OfType<FollowUp>().ToList();
            return WithSuggestions(lang, ReplyOutcome.NotFound, UiText.NotFound[lang], suggestions, index.Showcase) with { ClosestId = best?.Document.Id, Evidence = evidence };
        }

        var doc = best!.Document;
        var reply = doc.Fact is { } fact ? composer.Fact(fact, lang, ListItemFocus.Pick(query, fact)) : composer.Overview(doc.Entity!, lang, brief: true,
            asked: AskedOf(query, doc.Entity!, index), definition: query.Intent == Intent.Definition,
            figures: query.Intent is Intent.When or Intent.Count || query.YesNo && YesNoQuestion.ClaimedFigures(query).Count > 0);
        if (query.Intent == Intent.Count && doc.Fact is { Items.Count: > 0 } list && !NumberWords.States(list.Text[lang], list.Items.Count) &&
            !AskedKind.StatesCountOf(query, doc))
        {
            // "How many …?" answered by a list the text does not count: the count first; a text that counts the thing
            // asked ("19 clusters …, among them:") is the answer, and its examples no count.
            reply = CountFirst(reply, list.Items.Count, lang);
        }

        if ((query.AsksWhichCountry || query.OffersCountries) && WhichCountry.CountryOf(doc, index) is { } country && !MentionsName(reply, country.Name[lang]))
        {
            // "Which country has go-cluster?": the fact speaks of the programme; the country is what was asked.
            reply = reply with { Blocks = [new Paragraph(UiText.CountryIs(country.Name)[lang]), .. reply.Blocks] };
        }

        if (query.YesNo)
        {
            // A yes/no question is answered yes or no first, then with what the paper says.
            var verdict = YesNoQuestion.Verdict(query, doc, index);
            var lead = verdict is { } yes ? UiText.YesOrNo(yes) : UiText.NeitherYesNorNo;
            reply = reply with { Blocks = [new Paragraph(lead[lang]), .. reply.Blocks] };
        }

        return reply with { Evidence = evidence };
    }

    /// <summary>
    /// Whether the question uses a word that is not of the thing's name and rare enough to ask something of it: "who
    /// publishes the GII" does; "what happened in the first stage of the programme" only names the stage.
    /// </summary>
    private static bool AsksOfIt(QueryAnalysis query, Entity entity)
    {
        var name = NameStems(entity);
        return query.KnownTerms.Any(t => !t.FromAlias && t.Weight >= NarrowWordWeight && !t.Matches.Overlaps(name));
    }

    /// <summary>
    /// The words a question uses besides the thing's own name: "how many Chinese clusters are in the GII" asks the GII
    /// about China, so the sentence that names China is what speaks to it.
    /// </summary>
    private static List<QueryTerm> AskedOf(QueryAnalysis query, Entity entity, KnowledgeIndex index)
    {
        var name = NameStems(entity);
        var others = query.EntityIds.Where(id => id != entity.Id).Select(index.FindEntity).OfType<Entity>().Select(e => (e.Id, Names: NameStems(e))).ToList();
        return query.KnownTerms.Where(t => !t.Event && !t.Matches.Overlaps(name) && t.AliasOf != entity.Id)
            // A word of another thing's name ("Chinese") speaks of that thing by any of its names ("China").
            .Select(t => others.FirstOrDefault(o => t.AliasOf == o.Id || o.Names.Contains(t.Stem)) is { Id: { } id, Names: { } names }
                ? t with { Matches = names.Union(t.Matches).ToHashSet(StringComparer.Ordinal), AliasOf = id } : t)
            .ToList();
    }

    /// <summary>The stems of the words of a thing's names, less the small words ("of", "'s") any text has.</summary>
    private static HashSet<string> NameStems(Entity entity) =>
        KnowledgeValidator.AliasesOf(entity).SelectMany(TextNormaliser.Tokenise)
            .Where(t => t.Length > 1 && !StopWords.Contains(t)).Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The candidates after the best that score close to it.</summary>
    private static IEnumerable<ScoredDocument> NearTheBest(IReadOnlyList<ScoredDocument> ranked) =>
        ranked.Skip(1).TakeWhile(s => s.Score >= ranked[0].Score * NearBest);

    /// <summary>The ranking with the chosen candidate first and the others in their order.</summary>
    private static List<ScoredDocument> Promoted(IReadOnlyList<ScoredDocument> ranked, ScoredDocument chosen) => [chosen, .. ranked.Where(s => s != chosen)];

    /// <summary>
    /// Whether the question names a place that is none of the paper's countries, and neither one of them nor anything the
    /// answer found is about, while that answer is about one of them: then the question is about a country the paper does
    /// not study.
    /// </summary>
    private static bool AboutAnotherCountry(QueryAnalysis query, SearchDocument doc, KnowledgeIndex index) =>
        // "Какая кластерная политика у США?": the paper studies the policy of its own countries only, whatever fact mentions the place.
        query.Places.Count > 0 && !query.EntityIds.Any(id => index.FindEntity(id)?.Kind == EntityKind.Country) &&
            query.Terms.Any(t => !t.FromAlias && PolicyStems.Contains(t.Stem)) ||
        // A place that is an item of the answer's list ("Austin — shipbuilding") is the paper's own, not one in passing.
        query.Places.Any(p => doc.Fact is not { } f || !f.Items.Any(i => WordStemmer.StemAll(i.Text.Ru + " " + i.Text.En).Any(p.Matches.Contains))) &&
        !query.EntityIds.Any(id => index.FindEntity(id)?.Kind == EntityKind.Country || doc.EntityClosure.Contains(id)) &&
        doc.Roots.Any(id => index.FindEntity(id)?.Kind == EntityKind.Country) &&
        // A topic's count that states the place ("the USA and China lead the GII with 21") answers a count of that
        // place's clusters; the place's policy it does not.
        !((query.Intent == Intent.Count || query.Tokens.Any(QueryAnalysis.IsNumber) || query.YesNo) && doc.HasNumbers &&
          doc.Roots.Any(id => index.FindEntity(id)?.Kind != EntityKind.Country) && query.Places.All(p => p.CreditFrom(doc) > 0));

    private static readonly HashSet<string> PolicyStems = new[] { "политика", "политики", "политику", "policy", "policies" }
        .Select(WordStemmer.Stem).ToHashSet(StringComparer.Ordinal);

    private Reply RunCommand(ParsedCommand command, Question question, KnowledgeSnapshot snapshot)
    {
        var lang = ChooseLanguage(question, Script.Detect(command.Argument) == Lang.Ru ? command.Argument : "");
        if (CommandParser.IsForAnotherBot(command, question.BotUsername))
        {
            return Reply.Ignored(lang);
        }

        if (command.Argument.Length > MaxArgumentLength)
        {
            return Fallback(lang, ReplyOutcome.Invalid, UiText.TooLong(MaxArgumentLength)[lang]);
        }

        // What answers a command is declared with it, in the command table.
        return CommandTable.Find(command.Name) is { } spec
            ? spec.Handler(new CommandRun(new CommandHandlers(snapshot.Index, new ReplyComposer(snapshot.Index), lang), new StudyCommands(snapshot.Index, lang, quizzes),
                spec, command.Argument, question))
            : Fallback(lang, ReplyOutcome.Invalid, UiText.UnknownCommand(command.Name)[lang]);
    }

    /// <summary>The one language rule (see <see cref="Conversations.LanguagePolicy"/>) on the question's own text.</summary>
    private Lang ChooseLanguage(Question question, string text) =>
        Conversations.LanguagePolicy.Choose(question.PreferredLanguage, text, question.UserLanguage, _defaultLanguage);

    /// <summary>
    /// Two close matches about the same things the question named, or about the same programme, are not rival
    /// readings of it, just two facts on one subject: the better one is a fine answer, so the gap check does not apply.
    /// </summary>
    private static bool AboutTheSameNamedThings(QueryAnalysis query, SearchDocument a, SearchDocument b) =>
        (query.EntityIds.Count > 0 && query.EntityIds.All(id => a.EntityClosure.Contains(id) && b.EntityClosure.Contains(id))) ||
        // …or both about one programme, region or phase (not merely one country): one subject, two facts.
        a.EntityClosure.Any(id => b.EntityClosure.Contains(id) && !a.Roots.Contains(id) && !b.Roots.Contains(id)) ||
        // …or one is the overview of the thing the other is a fact of: the overview and its fact cannot disagree.
        OverviewOf(a, b) || OverviewOf(b, a);

    private static bool OverviewOf(SearchDocument overview, SearchDocument fact) =>
        overview.Entity is { } entity && fact.Fact is not null && fact.EntityClosure.Contains(entity.Id);

    /// <summary>The one country a document belongs to, or null when it is of none or of several.</summary>
    /// <summary>Whether the reply names the country in one of its forms: its last word less the ending ("German" of "Germany", "Коре" of "Корея").</summary>
    private static bool MentionsName(Reply reply, string name)
    {
        var word = name.Split(' ')[^1];
        return reply.ToPlainText().Contains(word.Length > 4 ? word[..^1] : word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>"Всего 3." before the list a "how many" question is answered with.</summary>
    private static Reply CountFirst(Reply reply, int count, Lang lang) =>
        reply with { Blocks = [new Paragraph(UiText.InAll(count)[lang]), .. reply.Blocks] };

    internal static Reply Fallback(Lang lang, ReplyOutcome outcome, string message) =>
        new(lang, outcome, [new Paragraph(message)], [], [], []);

    private static Reply WithSuggestions(Lang lang, ReplyOutcome outcome, string message, IReadOnlyList<FollowUp> suggestions, KnowledgeShowcase showcase)
    {
        var blocks = new List<ReplyBlock> { new Paragraph(message) };
        if (suggestions.Count > 0)
        {
            blocks.Add(new Paragraph(UiText.MaybeYouMean[lang]));
            blocks.Add(new BulletList(suggestions.Select(s => $"{s.Label} — {s.Command}").ToList()));
        }
        else
        {
            blocks.Add(new Paragraph(UiText.TrySomething(showcase)[lang]));
        }

        return new Reply(lang, outcome, blocks, [], [], suggestions);
    }
}
