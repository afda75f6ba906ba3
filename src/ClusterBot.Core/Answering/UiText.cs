using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Answering;

/// <summary>The bot's own words (everything that is not a fact), in both languages.</summary>
public static class UiText
{
    public static readonly Localized Welcome = new(
        "Привет! Я ClusterBot: рассказываю о зарубежном опыте экономических кластеров — Германия, Южная Корея, Китай и рейтинг кластеров Глобального инновационного индекса 2022. Задайте вопрос своими словами или воспользуйтесь командами:",
        "Hi! I'm ClusterBot: I explain foreign experience with economic clusters — Germany, South Korea, China and the Global Innovation Index 2022 cluster ranking. Ask a question in your own words or use a command:");

    public static readonly Localized HelpHeading = new("Команды:", "Commands:");

    public static readonly Localized HelpFooter = new(
        "Или просто спросите, например: «Сколько кластеров было в Корее к 2012 году?» В группе упомяните меня или ответьте на моё сообщение.",
        "Or just ask, e.g. \"How many clusters did South Korea have by 2012?\" In a group, mention me or reply to my message.");

    public static readonly Localized Empty = new(
        "Напишите вопрос о кластерной политике Германии, Южной Кореи или Китая, например «/country korea». Список команд: /help",
        "Type a question about the cluster policy of Germany, South Korea or China, e.g. \"/country korea\". Commands: /help");

    public static readonly Localized NoWords = new(
        "Я понимаю вопросы, написанные словами, на русском или английском. Например: «Что такое TORCH?» Список команд: /help",
        "I understand questions written in words, in Russian or English. For example: \"What is TORCH?\" Commands: /help");

    public static Localized TooLong(int max) => new(
        $"Вопрос слишком длинный: не больше {max} символов, пожалуйста. Спросите о чём-то одном.",
        $"That question is too long: {max} characters at most, please. Ask about one thing at a time.");

    public static readonly Localized OutOfScope = new(
        "Этого нет в статье, на которой основаны мои ответы: я знаю только о кластерной политике Германии, Южной Кореи и Китая и о рейтинге кластеров ГИИ 2022.",
        "That is not covered by the paper my answers come from: I only know about the cluster policies of Germany, South Korea and China and the GII 2022 cluster ranking.");

    public static readonly Localized NotFound = new(
        "Я не нашёл уверенного ответа на этот вопрос в статье.",
        "I couldn't find a confident answer to that in the paper.");

    public static readonly Localized TooVague = new(
        "Уточните, пожалуйста, о какой стране или программе речь: например, «Сколько кластеров было в Корее к 2012 году?»",
        "Please say which country or programme you mean, e.g. \"How many clusters did South Korea have by 2012?\"");

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

    public static readonly Localized TrySomething = new(
        "Попробуйте /country korea, /programme torch или /help.",
        "Try /country korea, /programme torch or /help.");

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

    public static readonly Localized CompareUsage = new(
        "Назовите две страны, например: /compare germany korea",
        "Name two countries, e.g. /compare germany korea");

    public static readonly Localized LangUsage = new(
        "Язык ответов: /lang ru или /lang en.",
        "Reply language: /lang ru or /lang en.");

    public static readonly Localized LangSet = new("Теперь отвечаю по-русски.", "I'll answer in English from now on.");

    public static readonly Localized SourcesHeading = new("Статья", "The paper");

    public static readonly Localized SectionsHeading = new("Разделы:", "Sections:");

    public static readonly Localized ReferencesHeading = new("Ссылки статьи и то, для чего они приводятся:", "The paper's references and what each is cited for:");

    public static Localized YesOrNo(bool yes) => yes ? new("Да.", "Yes.") : new("Нет.", "No.");

    public static Localized NotGivenFor(string what, string subject) =>
        new($"В статье не сказано ({what}) о том, что вы назвали: «{subject}».", $"The paper does not say ({what}) for what you named: “{subject}”.");

    public static Localized NotGiven(string what) => new($"В статье этого нет ({what}).", $"The paper does not say that ({what}).");

    public static Localized GivenOnlyFor(string what) =>
        new($"Статья приводит это ({what}) только здесь:", $"The paper gives that ({what}) only here:");
}
