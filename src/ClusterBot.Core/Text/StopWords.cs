namespace ClusterBot.Core.Text;

/// <summary>
/// Words that carry no topic: function words of both languages and polite filler. They are dropped before
/// matching so that "What are the two parts of the TORCH programme?" is judged by "two parts TORCH programme".
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // English
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "about",
        "into", "onto", "over", "under", "near", "after", "before", "since", "until", "during", "between", "per", "via",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
        "can", "could", "will", "would", "shall", "should", "may", "might", "must", "it", "its", "this", "that", "these",
        "those", "there", "their", "they", "them", "he", "she", "his", "her", "we", "our", "you", "your", "i", "me", "my",
        "what", "which", "who", "whom", "whose", "how", "why", "where", "when", "much", "many", "some", "any", "all",
        "please", "tell", "say", "says", "said", "explain", "describe", "give", "gives", "show", "shows", "know", "hi", "hello", "thanks",
        "thank", "also", "as", "so", "than", "then", "just", "only", "very", "not", "no", "yes", "if", "else", "up", "out",
        "s", "t", "does", "get", "got", "let", "us", "bot", "clusterbot",
        // "What kind of …", "in total": the frame of a question, not what it is about.
        "kind", "kinds", "sort", "sorts", "type", "types", "total", "overall", "altogether",
        // Russian
        "и", "а", "но", "или", "ли", "же", "бы", "не", "ни", "в", "во", "на", "к", "ко", "с", "со", "о", "об", "обо",
        "по", "за", "из", "изо", "у", "от", "до", "для", "при", "про", "без", "над", "под", "через", "после", "перед",
        "между", "это", "этот", "эта", "эти", "тот", "та", "те", "то", "что", "чем", "кто", "как", "какой", "какая",
        "какие", "каких", "каким", "какое", "каково", "какова", "каковы", "где", "когда", "почему", "зачем", "сколько",
        "был", "была", "было", "были", "быть", "есть", "будет", "являются", "является", "его", "ее", "их", "они", "она",
        "он", "оно", "мы", "вы", "ты", "я", "мне", "нам", "вам", "им", "свой", "своих", "также", "так", "уже", "еще",
        "ещё", "вот", "ну", "штук", "штуки", "штука", "пожалуйста", "скажи", "скажите", "расскажи", "расскажите", "объясни", "объясните",
        "назови", "назовите", "привет", "здравствуйте", "спасибо", "мой", "моя", "все", "всё", "весь", "бот",
        "такое", "такой", "такая", "такие", "таких", "стал", "стала", "стало", "стали", "становится", "стать", "станет", "станут", "время", "времени",
        // "к 2012 году", "in the year 2012": the number says it all.
        "год", "году", "года", "годы", "годах", "годов", "лет", "year", "years",
        // Slang forms of the question words ("скока кластеров"): the intent reads them, they are no topic.
        "скока", "скоко", "скок", "сколька", "шо", "чо", "чё",
        // Every case of the pronouns and question words: "чему способствуют", "чья программа", "о чём" ask, they name nothing.
        "чего", "чему", "чём", "чтобы", "чтоб", "кого", "кому", "кем", "ком", "какому", "какою",
        "который", "которая", "которое", "которые", "которого", "которой", "которому", "котором", "которую", "которым",
        "которых", "которыми", "чей", "чья", "чьё", "чье", "чьи", "чьего", "чьей", "чьему", "чьим", "чьём", "чьем", "чью",
        "чьих", "чьими", "скольких", "скольким", "сколькими", "каков", "куда", "откуда", "отчего", "насколько",
        "меня", "мной", "мною", "тебя", "тебе", "тобой", "ему", "нём", "нем", "него", "нему", "ним", "её", "ей", "ею",
        "неё", "нее", "ней", "нею", "нас", "нами", "вас", "вами", "ими", "них", "ними",
        "этого", "этой", "этому", "этим", "этом", "эту", "этих", "этими", "того", "той", "тому", "тем", "том", "ту",
        "тех", "теми", "такого", "такому", "таким", "таком", "такую", "такими",
        "моё", "мое", "мои", "моего", "моей", "моему", "моим", "моём", "моем", "мою", "моих", "моими", "твой", "твоя",
        "твоё", "твои", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашему", "нашим", "нашем", "нашу", "наших",
        "ваш", "ваша", "ваше", "ваши", "своя", "своё", "свое", "свои", "своего", "своей", "своему", "своим", "своём",
        "своем", "свою", "своими", "вся", "всего", "всей", "всему", "всем", "всём", "всю", "всех", "всеми",
        "хочу", "хочешь", "хочет", "хотим", "хотите", "хотят", "хотел", "хотела", "хотели", "хотеть", "могу", "можешь",
        "можем", "можете", "мог", "могла", "могли", "должен", "должна", "должно", "должны", "нельзя",
        "ведь", "даже", "лишь", "только", "уж", "разве", "неужели", "да", "нет", "вообще",
        // "Правда что …", "is it true": the frame of a yes/no claim.
        "правда", "верно", "true", "false",
        "doing", "having", "getting", "whats", "want", "wants", "wanted", "wanna", "need", "needs", "whether", "ever", "anyone", "anything", "something",
        "во", "со", "можно", "нужно", "надо", "мочь", "может", "могут", "был", "какого", "каком", "какую", "какими",
        // The rest of the prepositions, conjunctions and particles: "кроме промкомплексов", "besides R&D" ask about what follows.
        "кроме", "помимо", "вместо", "среди", "меж", "около", "возле", "вокруг", "вдоль", "мимо", "против", "ради", "сквозь",
        "вне", "внутри", "вроде", "насчёт", "насчет", "благодаря", "согласно", "относительно", "ввиду", "вследствие",
        "посредством", "напротив", "подобно", "наряду", "включая", "касательно", "ото", "передо", "подо", "либо", "если",
        "хотя", "хоть", "пока", "будто", "словно", "потому", "поэтому", "причём", "причем", "зато", "однако", "тоже", "ибо",
        "нежели", "именно", "просто", "почти", "таки", "сейчас", "теперь", "тогда", "там", "тут", "здесь", "туда", "сюда",
        "потом", "затем", "опять", "снова", "вдруг", "очень", "кстати", "себя", "себе", "собой", "собою", "нибудь",
        "besides", "except", "other", "others", "another", "such", "each", "every", "both", "either", "neither", "among",
        "amongst", "within", "without", "through", "throughout", "against", "toward", "towards", "upon", "across", "along",
        "around", "behind", "beyond", "despite", "whereas", "while", "although", "though", "because", "therefore", "however",
        "thus", "hence", "unless", "here", "now", "again", "still", "yet", "even", "really", "actually", "basically",
        "regarding", "concerning", "точно", "конкретно", "примерно", "приблизительно", "exactly", "precisely", "exact",
        "approximately", "roughly",
        // Words about the text, not its subject: "какие области упомянуты", "which tools are mentioned".
        "упомянут", "упомянуты", "упомянуто", "упомянута", "упомянутых", "упомянутые", "упоминается", "упоминаются",
        "описан", "описано", "описаны", "описана", "описывается", "описываются", "рассмотрен", "рассмотрено", "рассмотрены",
        "рассмотрена", "рассмотренных", "рассмотренные", "рассматриваемых", "рассматриваемые", "рассматривается",
        "рассматриваются", "указан", "указано", "указаны", "указана", "говорится", "сказано", "приведен", "приведено",
        "приведены", "приводится", "приводятся", "написано", "mentioned", "mentions", "mention", "described", "discussed",
        "stated", "cited", "according",
    };

    public static bool Contains(string token) => Words.Contains(token);

    private static readonly HashSet<string> TimeUnits = new(StringComparer.Ordinal) { "год", "году", "года", "годы", "годах", "годов", "лет", "year", "years" };

    /// <summary>A word of years ("лет", "years"): dropped as a topic, yet it says a question counts time.</summary>
    public static bool IsTimeUnit(string token) => TimeUnits.Contains(token);

    private static readonly F23.StringSimilarity.OptimalStringAlignment Distance = new();
    // Question words first: "wich" is one edit from both "which" and "with", and in a question it means "which".
    private static readonly string[] QuestionWords = ["which", "what", "when", "where", "whose", "сколько", "какие", "каких", "какой", "какая", "когда", "почему", "зачем"];
    private static readonly string[] LongWords = QuestionWords.Concat(Words.Where(w => w.Length >= 4).Except(QuestionWords)).ToArray();

    /// <summary>
    /// A misspelt function word ("wich", "whta", "сколко"): one edit from a stop word of four or more letters.
    /// Checked only for words the knowledge does not know, so real words are never dropped.
    /// </summary>
    public static bool IsMisspelt(string token) => Corrected(token) is not null;

    /// <summary>
    /// The stop word a misspelt function word stands for ("сколко" → "сколько"), or null. A word one letter longer with
    /// the stop word's stem is another word of that stem, not a slip: "статья" is no misspelt "стать".
    /// </summary>
    public static string? Corrected(string token) =>
        token.Length < 4 || Words.Contains(token)
            ? null
            : LongWords.FirstOrDefault(w => Math.Abs(w.Length - token.Length) <= 1 && w[0] == token[0] && Distance.Distance(w, token) <= 1 &&
                !(token.Length > w.Length && WordStemmer.Stem(token) == WordStemmer.Stem(w)));
}
