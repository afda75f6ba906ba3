using ClusterBot.Core.Text;

namespace ClusterBot.Core.Answering;

/// <summary>What kind of answer a question asks for.</summary>
public enum Intent { None, Count, When, List, Definition, Compare }

/// <summary>
/// Reads the question word(s) — "сколько", "how many", "когда", "which" … — so that a question about a
/// figure is answered with the figure rather than with an essay about the country.
/// </summary>
public static class IntentDetector
{
    private static readonly (Intent Intent, string[][] Phrases)[] Rules =
    [
        (Intent.Compare, [["сравни"], ["сравнить"], ["сравните"], ["сравнение"], ["сравнения"], ["отличие"], ["отличия"], ["отличается"], ["разница"],
            ["разницу"], ["разнице"], ["различие"], ["различия"], ["отличаются"],
            ["compare"], ["comparison"], ["versus"], ["vs"], ["difference"], ["differences"], ["differ"]]),
        // "How long", "сколько лет": a span of years is a date question, whatever the count word says.
        (Intent.When, [["сколько", "лет"], ["скока", "лет"], ["сколько", "длился"], ["сколько", "длилась"], ["how", "many", "years"], ["how", "long"]]),
        (Intent.Count, [["сколько"], ["скольких"], ["скока"], ["скоко"], ["скок"], ["сколька"], ["количество"], ["число"], ["численность"], ["how", "many"], ["how", "much"], ["number", "of"], ["count"]]),
        (Intent.When, [["когда"], ["с", "какого", "времени"], ["с", "каких", "пор"], ["since", "what", "time"], ["в", "каком", "году"], ["в", "какие", "годы"], ["с", "какого", "года"], ["какого", "года"], ["каком", "году"], ["какой", "год"],
            ["каких", "годах"], ["какому", "году"], ["какие", "года"], ["какого", "периода"], ["какие", "годы"], ["какой", "период"], ["в", "какой", "период"],
            ["when"], ["what", "year"], ["which", "year"], ["what", "years"], ["which", "years"], ["since", "when"], ["what", "period"],
            ["годы"], ["years"], ["период"], ["period"]]),
        (Intent.List, [["какие"], ["каких"], ["каковы"], ["перечисли"], ["перечислите"], ["список"], ["назови"], ["назовите"],
            ["which"], ["what", "are"], ["list"], ["name", "the"], ["enumerate"]]),
        (Intent.Definition, [["что", "такое"], ["что", "это"], ["это", "что"], ["кто", "такой"], ["кто", "такие"], ["что", "представляет"], ["что", "означает"], ["что", "значит"], ["расскажи"], ["расскажите"],
            ["what", "is"], ["what's"], ["whats"], ["who", "is"], ["define"], ["meaning", "of"], ["tell", "me", "about"], ["about"],
            ["чем", "занимается"], ["чем", "занимаются"], ["что", "делает"], ["что", "делают"], ["что", "это", "делает"], ["что", "он", "делает"],
            ["что", "она", "делает"], ["что", "оно", "делает"], ["для", "чего"], ["зачем"],
            ["what", "does"], ["what", "do"], ["what", "did"], ["purpose", "of"], ["what", "for"],
            // Seminar wording: "Охарактеризуйте …", "Describe …", "в чём суть …".
            ["охарактеризуйте"], ["охарактеризуй"], ["опишите"], ["опиши"], ["характеризуется"], ["характеризовалась"], ["характеризовался"],
            ["в", "чем", "суть"], ["суть"], ["что", "известно"], ["describe"], ["explain"], ["characterise"], ["characterize"],
            ["summarise"], ["summarize"], ["outline"], ["what", "was"], ["what", "were"],
            // "ГИИ расшифруйте", "what does GII stand for": a name's full form is its definition's first words.
            ["stands", "for"], ["stand", "for"], ["refer", "to"], ["refers", "to"], ["abbreviation"], ["acronym"], ["аббревиатура"], ["аббревиатуры"], ["full", "name"], ["полное", "название"]]),
    ];

    /// <summary>Words that only say what kind of answer is wanted, not what it is about.</summary>
    private static readonly HashSet<string> IntentOnlyWords = new(StringComparer.Ordinal)
    {
        "сравни", "сравнить", "сравните", "сравнение", "сравнения", "отличие", "отличия", "отличается", "разница", "разницу", "разнице",
        "различие", "различия", "отличаются",
        "compare", "comparison", "versus", "vs", "difference", "differences", "differ",
        "количество", "число", "численность", "count", "number", "перечисли", "перечислите", "список", "list", "enumerate",
        "означает", "значит", "define", "meaning", "представляет",
    };

    /// <summary>Seminar verbs asking for a description in any form ("охарактеризовать", "опишите"): they ask what a thing is.</summary>
    private static readonly string[] DefinitionVerbPrefixes = ["охарактериз", "опиш", "описать", "описыва", "расшифр", "characteriz", "characteris"];

    public static Intent Detect(IReadOnlyList<string> tokens)
    {
        foreach (var (intent, phrases) in Rules)
        {
            foreach (var phrase in phrases)
            {
                if (intent == Intent.Count && IsCountNoun(phrase[0]) ? CountsWith(tokens, phrase) :
                    phrase is ["when"] or ["когда"] ? AsksWhen(tokens, phrase[0]) : Contains(tokens, phrase)) return intent;
            }

            if (intent == Intent.Definition && tokens.Any(IsDefinitionVerb)) return intent;
            // "в каком точно году", "what exact year": the question word and the year word need not stand side by side.
            if (intent == Intent.When && phrases.Any(p => p is ["когда"]) && AsksWhichYear(tokens)) return intent;
        }

        return Intent.None;
    }

    private static readonly string[][] CameFirstPhrases =
    [
        ["раньше"], ["ранее"], ["позже"], ["позднее"], ["старше"], ["earlier"], ["later"], ["older"], ["newer"],
        ["came", "first"], ["come", "first"], ["started", "first"], ["began", "first"], ["появилась", "первой"], ["появился", "первым"],
    ];

    /// <summary>"Which started earlier, TORCH or OVOP?", "что было раньше": two things set side by side in time.</summary>
    public static bool AsksWhichCameFirst(IReadOnlyList<string> tokens) => CameFirstPhrases.Any(p => Contains(tokens, p));

    /// <summary>Whether the question asks how many besides comparing: "compare Bavaria and NRW by number of clusters".</summary>
    public static bool AsksHowMany(IReadOnlyList<string> tokens) => Detect(tokens.Where(t => !CompareWords.Contains(t)).ToList()) == Intent.Count;

    private static readonly HashSet<string> CompareWords =
        Rules.Single(r => r.Intent == Intent.Compare).Phrases.Where(p => p.Length == 1).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> OtherQuestionWords = new(StringComparer.Ordinal)
    {
        "what", "which", "how", "why", "who", "where", "что", "чем", "какие", "какой", "какая", "каких", "как", "почему", "зачем", "кто", "где",
    };

    /// <summary>
    /// "When" asks a time unless another question word comes first ("what do they consider when scaling" asks what) or
    /// the question opens as a yes/no one ("does it matter when choosing …").
    /// </summary>
    private static bool AsksWhen(IReadOnlyList<string> tokens, string when)
    {
        var at = Phrases.StartsOf(tokens, [when]).DefaultIfEmpty(-1).First();
        return at >= 0 && !tokens.Take(at).Any(OtherQuestionWords.Contains) && !(at > 0 && YesNoQuestion.Auxiliaries.Contains(tokens[0]));
    }

    private static readonly HashSet<string> CountNouns = new(StringComparer.Ordinal) { "количество", "число", "численность", "number", "count" };

    private static bool IsCountNoun(string word) => CountNouns.Contains(word);

    /// <summary>"The largest number of", "наибольшее количество": which has the most is asked, not how many.</summary>
    private static readonly HashSet<string> Superlatives = new(StringComparer.Ordinal)
    {
        "largest", "greatest", "highest", "biggest", "most", "top", "наибольшее", "наибольшим", "наибольшего", "наибольшему", "наибольшем",
        "наибольшей", "наибольшую", "наибольшая", "наибольший", "наибольшие", "наибольших", "максимальное", "максимальным", "большее", "большим",
    };

    private static bool CountsWith(IReadOnlyList<string> tokens, string[] phrase) =>
        // "Растёт ли число кластеров?", "did it focus on the number of clusters?" ask yes or no, not how many.
        !tokens.Contains("ли") && !(tokens.Count > 0 && YesNoQuestion.Auxiliaries.Contains(tokens[0])) &&
        Phrases.StartsOf(tokens, phrase).Any(k => !(k > 0 && Superlatives.Contains(tokens[k - 1]) ||
            k > 1 && tokens[k - 2] is "самое" or "самым" or "the" && tokens[k - 1] is "большое" or "большим" or "large" or "great") &&
            !AskedByAnotherQuestionWord(tokens, k));

    private static readonly HashSet<string> DoWords = new(StringComparer.Ordinal) { "do", "does", "did", "делал", "делала", "делало", "делали", "сделал", "сделала", "сделали" };

    /// <summary>
    /// "What did the government do besides expanding the number of clusters?": a question word asking what was done,
    /// before the count noun, asks that, not how many.
    /// </summary>
    private static bool AskedByAnotherQuestionWord(IReadOnlyList<string> tokens, int countNoun) =>
        Enumerable.Range(0, countNoun).Any(i => OtherQuestionWords.Contains(tokens[i])) && tokens.Take(countNoun).Any(DoWords.Contains);

    private static readonly HashSet<string> WhichForms = new(StringComparer.Ordinal) { "каком", "какой", "какого", "what", "which" };

    /// <summary>"В каком году", "в каком точно году", "what exact year": a year is asked, not a period or a decade.</summary>
    public static bool AsksWhichYear(IReadOnlyList<string> tokens) =>
        Enumerable.Range(0, tokens.Count).Any(k => WhichForms.Contains(tokens[k]) && tokens.Skip(k + 1).Take(2).Any(t => t is "году" or "год" or "года" or "year"));

    private static bool IsDefinitionVerb(string token) => DefinitionVerbPrefixes.Any(p => token.StartsWith(p, StringComparison.Ordinal));

    public static bool IsIntentWord(string token) => IntentOnlyWords.Contains(token);

    /// <summary>Where the first "сколько" / "how many" / "number of" of the question starts and ends, or null: what follows is what is counted.</summary>
    public static (int Start, int End)? CountPhrase(IReadOnlyList<string> tokens)
    {
        (int Start, int End)? found = null;
        foreach (var phrase in Rules.First(r => r.Intent == Intent.Count).Phrases)
        {
            var start = Phrases.StartsOf(tokens, phrase).DefaultIfEmpty(-1).First();
            if (start >= 0 && (found is not { } f || start + phrase.Length < f.End)) found = (start, start + phrase.Length);
        }

        return found;
    }

    /// <summary>
    /// Positions of the words that only ask for a definition ("чем занимается", "what does … do", "для чего"): they
    /// say what kind of answer is wanted, so an overview that does not use them still answers the question.
    /// </summary>
    public static HashSet<int> DefinitionPhrasePositions(IReadOnlyList<string> tokens)
    {
        var positions = Enumerable.Range(0, tokens.Count).Where(k => IsDefinitionVerb(tokens[k])).ToHashSet();
        foreach (var phrase in Rules.First(r => r.Intent == Intent.Definition).Phrases)
        {
            foreach (var start in Phrases.StartsOf(tokens, phrase))
            {
                for (var j = 0; j < phrase.Length; j++) positions.Add(start + j);
            }
        }

        return positions;
    }

    /// <summary>
    /// In "when did X appear / start / take place" the verb only asks for a date; the knowledge may phrase
    /// the event with another verb ("was defined in the 1990s"), so such verbs do not count against a match.
    /// </summary>
    private static readonly string[] EventVerbPrefixes =
    [
        "появи", "появл", "возник", "начал", "начин", "началс", "стартов", "запуск", "запущ", "запуст", "проход", "прошл", "проводил", "проведен", "состоял",
        "законч", "заверш", "окончил", "кончил", "внедр", "реализов",
        "appear", "emerg", "start", "began", "begin", "launch", "happen", "take", "took", "occur", "held", "introduc", "end", "finish", "conclud",
        "implement",
    ];

    public static bool IsEventVerb(Intent intent, string token) =>
        intent == Intent.When && IsEventWord(token);

    /// <summary>A verb of something happening at a time ("began", "закончилось"): any dated document speaks to it.</summary>
    public static bool IsEventWord(string token) => EventVerbPrefixes.Any(p => token.StartsWith(p, StringComparison.Ordinal));

    private static bool Contains(IReadOnlyList<string> tokens, string[] phrase) => Phrases.Contains(tokens, phrase);
}
