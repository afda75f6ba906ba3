using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>The bot's own words (everything that is not a fact), in both languages.</summary>
public static class UiText
{
    public static Localized Welcome(KnowledgeShowcase k) => new(
        $"Привет! Я ClusterBot: отвечаю на вопросы по статье «{k.PaperTitle.Ru}». {Scope(k).Ru} Задайте вопрос своими словами или воспользуйтесь командами:",
        $"Hi! I'm ClusterBot: I answer questions from the paper “{k.PaperTitle.En}”. {Scope(k).En} Ask a question in your own words or use a command:");

    /// <summary>What the paper covers, as the knowledge names it: "Страны: …. Темы: …."</summary>
    public static Localized Scope(KnowledgeShowcase k) => new(
        $"{List("Страны", ", ", k.Countries, Lang.Ru)} {List("Темы", "; ", k.Topics, Lang.Ru)}".Trim(),
        $"{List("Countries", ", ", k.Countries, Lang.En)} {List("Topics", "; ", k.Topics, Lang.En)}".Trim());

    public static readonly Localized HelpHeading = new("Команды:", "Commands:");

    public static Localized HelpFooter(KnowledgeShowcase k) => new(
        (k.ExampleQuestion(Lang.Ru) is { } ru ? $"Или просто спросите, например: {Sentence(Quoted(ru, Lang.Ru))}" : "Или просто задайте вопрос своими словами.") +
        " В группе упомяните меня или ответьте на моё сообщение.",
        (k.ExampleQuestion(Lang.En) is { } en ? $"Or just ask, e.g. {Sentence(Quoted(en, Lang.En))}" : "Or just ask in your own words.") +
        " In a group, mention me or reply to my message.");

    /// <summary>How /help shows a command's example: "(например: /phases korea)".</summary>
    public static Localized ForExample(string example) => new($"(например: {example})", $"(e.g. {example})");

    public static Localized Empty(KnowledgeShowcase k) => new(
        $"Напишите вопрос по статье, например: {Sentence(k.Hint(Lang.Ru))} Список команд: /help",
        $"Type a question about the paper, e.g. {Sentence(k.Hint(Lang.En))} Commands: /help");

    public static Localized NoWords(KnowledgeShowcase k) => new(
        $"Я понимаю вопросы, написанные словами, на русском или английском. Например: {Sentence(k.Hint(Lang.Ru))} Список команд: /help",
        $"I understand questions written in words, in Russian or English. For example: {Sentence(k.Hint(Lang.En))} Commands: /help");

    public static Localized TooLong(int max) => new(
        $"Вопрос слишком длинный: не больше {max} символов, пожалуйста. Спросите о чём-то одном.",
        $"That question is too long: {max} characters at most, please. Ask about one thing at a time.");

    public static Localized OutOfScope(KnowledgeShowcase k) => new(
        $"Этого нет в статье, на которой основаны мои ответы: я знаю только то, что в ней есть. {Scope(k).Ru}",
        $"That is not covered by the paper my answers come from: I only know what it says. {Scope(k).En}");

    public static readonly Localized NotFound = new(
        "Я не нашёл уверенного ответа на этот вопрос в статье.",
        "I couldn't find a confident answer to that in the paper.");

    public static Localized TooVague(KnowledgeShowcase k) => new(
        $"Уточните, пожалуйста, о какой стране или программе речь, например: {Sentence(k.Hint(Lang.Ru))}",
        $"Please say which country or programme you mean, e.g. {Sentence(k.Hint(Lang.En))}");

    /// <summary>The flood notice, stating the configured window: the longest the pause can last.</summary>
    public static Localized SlowDown(TimeSpan window) => new(
        $"Слишком много вопросов подряд — сделаем небольшую паузу. Я снова отвечу не позже чем через {Duration.Russian(window)}.",
        $"That's a lot of questions in a row — let's pause briefly. I'll answer again within {Duration.English(window)}.");

    public static readonly Localized InternalError = new(
        "Не получилось ответить на этот вопрос из-за внутренней ошибки. Попробуйте спросить иначе или /help.",
        "Something went wrong while answering that. Please try asking differently, or /help.");

    public static Localized ForAnotherBot(string text) => new(
        $"«{text}» адресовано другому боту, я его пропускаю.",
        $"\"{text}\" is addressed to another bot, so I leave it alone.");

    public static readonly Localized MaybeYouMean = new("Возможно, вас интересует:", "Perhaps you mean:");

    public static Localized TrySomething(KnowledgeShowcase k)
    {
        var examples = new[] { k.Example(CommandTable.Country), k.Example(CommandTable.Programme) }.OfType<string>().ToList();
        var help = "/" + CommandTable.Help.Name;
        return examples.Count == 0
            ? new($"Попробуйте {help}.", $"Try {help}.")
            : new($"Попробуйте {string.Join(", ", examples)} или {help}.", $"Try {string.Join(", ", examples)} or {help}.");
    }

    public static Localized UnknownCommand(string name) => new(
        $"Не знаю команды /{name}. Список команд: /help",
        $"I don't know the command /{name}. Commands: /help");

    public static Localized UnknownName(string name) => new(
        $"Не знаю «{name}».",
        $"I don't know \"{name}\".");

    public static readonly Localized Available = new("Я знаю:", "I know about:");

    public static readonly Localized CountriesHeading = new("Страны и темы:", "Countries and topics:");

    public static readonly Localized ProgrammesHeading = new("Программы и регионы:", "Programmes and regions:");

    public static readonly Localized PhasesHeading = new("Этапы есть у:", "Phases are known for:");

    public static readonly Localized NoPhases = new("Для этого этапы в статье не описаны.", "The paper describes no phases for that.");

    public static Localized CompareUsage(KnowledgeShowcase k) => k.Example(CommandTable.Compare) is { } example
        ? new($"Назовите две страны, например: {example}", $"Name two countries, e.g. {example}")
        : new("Назовите две страны.", "Name two countries.");

    public static readonly Localized LangUsage = new(
        "Язык ответов: /lang ru или /lang en.",
        "Reply language: /lang ru or /lang en.");

    public static readonly Localized LangSet = new("Теперь отвечаю по-русски.", "I'll answer in English from now on.");

    public static readonly Localized SourcesHeading = new("Статья", "The paper");

    public static readonly Localized SectionsHeading = new("Разделы:", "Sections:");

    public static readonly Localized ReferencesHeading = new("Ссылки статьи и то, для чего они приводятся:", "The paper's references and what each is cited for:");

    /// <summary>"№4 из 5: Сеул": one item of a list with its place, the list's own numbering dropped from its text.</summary>
    public static Localized ItemOfList(int order, int count, string text)
    {
        var bare = System.Text.RegularExpressions.Regex.Replace(text, @"^\s*\d+[.)]\s*", "");
        return new($"№{order} из {count}: {bare}", $"No. {order} of {count}: {bare}");
    }

    public static Localized CountryIs(Localized country) => new($"Страна: {country.Ru}.", $"Country: {country.En}.");

    public static Localized InAll(int count) => new($"Всего {count}.", $"{count} in all.");

    public static Localized PapersCountries(int count) =>
        new($"Статья рассматривает опыт стран ({count}), в таком порядке:", $"The paper examines the experience of {count} countries, in this order:");

    public static readonly Localized SectionsNamed = new("Разделы статьи:", "The paper's sections:");

    public static readonly Localized SectionsAbout = new("Об этом в статье раздел:", "The paper's section on that:");

    public static Localized SectionsCount(int count, bool subsections) => subsections
        ? new($"Подразделов основной части ({count}):", $"Subsections of the main part ({count}):")
        : new($"Разделов в статье ({count}):", $"The paper's sections ({count}):");

    public static Localized YesOrNo(bool yes) => yes ? new("Да.", "Yes.") : new("Нет.", "No.");

    /// <summary>A yes/no question whose claim the fact neither bears out nor denies: what it says, without a verdict.</summary>
    public static readonly Localized NeitherYesNorNo = new("Прямо статья этого не утверждает; вот что в ней сказано.", "The paper does not say that in so many words; here is what it says.");

    public static Localized NotGivenFor(string what, string subject) =>
        new($"В статье не сказано ({what}) о том, что вы назвали: «{subject}».", $"The paper does not say ({what}) for what you named: “{subject}”.");

    public static Localized NoPaperDetails(string title) => new(
        $"Выходных данных статьи «{title}» (авторов, года, журнала, финансирования) в её тексте, на котором основаны мои ответы, нет; я знаю только то, что в нём сказано.",
        $"The text of “{title}” that my answers come from does not give its details as a publication (authors, year, journal, funding); I know only what it says.");

    public static Localized NotGiven(string what) => new($"В статье этого нет ({what}).", $"The paper does not say that ({what}).");

    public static Localized GivenOnlyFor(string what) =>
        new($"Статья приводит это ({what}) только здесь:", $"The paper gives that ({what}) only here:");

    public static readonly Localized QuoteButton = new("📖 цитата", "📖 quote");

    /// <summary>A quote button in a reply that shows several entries: it says whose words it opens.</summary>
    public static string QuoteButtonOf(string name) => "📖 " + name;

    public static readonly Localized QuoteIntro = new(
        "Слова статьи, на которых основан ответ:",
        "The paper's own words behind the answer (in the original Russian):");

    public static readonly Localized QuotedItemsHeading = new("О пунктах списка:", "On the list's items:");

    public static Localized QuoteUsage(KnowledgeShowcase k)
    {
        var example = k.Example(CommandTable.Quote);
        return new(
            "Покажу слова статьи, на которых основан ответ: нажмите «📖 цитата» под ответом" + (example is null ? "." : $" или напишите, например, {example}"),
            "I show the paper's own words behind an answer: press “📖 quote” under the answer" + (example is null ? "." : $" or type, e.g., {example}"));
    }

    public static Localized UnknownEntry(string id) => new(
        $"Не знаю записи «{id}». Слова статьи к ответу открывает кнопка «📖 цитата» под ним.",
        $"I don't know the entry \"{id}\". The “📖 quote” button under an answer opens the paper's words behind it.");

    public static readonly Localized NoQuote = new(
        "Для этой записи слова статьи ещё не добавлены.",
        "The paper's words for this entry have not been added yet.");

    /// <summary>A passage of the paper in the reply language's quotation marks.</summary>
    public static string Quoted(string text, Lang lang) => lang == Lang.Ru ? $"«{text}»" : $"“{text}”";

    /// <summary>The text with a full stop, unless it (or the quotation it ends with) already ends a sentence.</summary>
    private static string Sentence(string text) =>
        text.TrimEnd('»', '”', '"').TrimEnd() is { Length: > 0 } inner && ".?!…".Contains(inner[^1], StringComparison.Ordinal) ? text : text + ".";

    private static string List(string heading, string separator, IReadOnlyList<Entity> entities, Lang lang) =>
        entities.Count == 0 ? "" : $"{heading}: {string.Join(separator, entities.Select(e => e.Name[lang]))}.";
}
