using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>
/// A made-up country of a few entries and a lexicon of its own, so that a ranking mechanism is tested by what it
/// does, not by today's content of the real knowledge.
/// </summary>
public class SmallKnowledge : IDisposable
{
    private const string Sources = """
        paper:
          title: {ru: "Статья", en: "Paper"}
        sections:
          - id: "9"
            title: {ru: "Фридония", en: "Freedonia"}
        references:
          - number: 1
            section: "9"
            cited_for: {ru: "Фридония", en: "Freedonia"}
        """;

    private const string Country = """
        country:
          id: freedonia
          name: {ru: "Фридония", en: "Freedonia"}
          aliases: {ru: ["фридония"], en: ["freedonia"]}
          summary:
            ru: "Фридония развивает кластеры. Это небольшая страна. Её правительство любит конкурсы. Климат там мягкий."
            en: "Freedonia develops clusters. It is a small country. Its government likes competitions. Its climate is mild."
          cite: {section: "9", refs: [1]}
        programmes:
          - id: beacon
            name: {ru: "Программа Beacon", en: "The Beacon programme"}
            aliases: {ru: ["маяк", "го-бикон"], en: ["beacon", "beacon programme"]}
            summary: {ru: "Beacon поддерживает сети предприятий в портах.", en: "Beacon supports networks of enterprises in ports."}
            cite: {section: "9", refs: [1]}
        facts:
          - id: beacon-budget
            about: [beacon]
            kind: figure
            ru: "Бюджет программы Beacon — 12 миллионов евро."
            en: "The Beacon programme's budget is 12 million euros."
            numbers: [12]
            cite: {section: "9", refs: [1]}
          - id: beacon-ports
            about: [beacon]
            kind: list
            ru: "Порты программы Beacon и их отрасли."
            en: "The Beacon programme's ports and their industries."
            items:
              - {ru: "1. Марвилл — рыболовство", en: "1. Marville — fishing"}
              - {ru: "2. Остин — судостроение", en: "2. Austin — shipbuilding"}
            cite: {section: "9", refs: [1]}
          - id: beacon-members
            about: [beacon]
            kind: count
            ru: "В программе Beacon участвуют 40 компаний."
            en: "40 companies take part in the Beacon programme."
            numbers: [40]
            cite: {section: "9", refs: [1]}
          - id: beacon-origin
            about: [beacon]
            kind: statement
            ru: "Программа Beacon появилась после реформы портов."
            en: "The Beacon programme appeared after the reform of the ports."
            cite: {section: "9", refs: [1]}
          - id: freedonia-leading-edge
            about: [freedonia]
            kind: date
            ru: "Конкурс Leading-Edge прошёл во Фридонии в 2009 году."
            en: "The Leading-Edge competition took place in Freedonia in 2009."
            years: [2009]
            cite: {section: "9", refs: [1]}
        """;

    private const string Lexicon = """
        fillers:
          ru: [кароч, плиз, го]
          en: [pls]
        synonyms:
          - [бюджет, бабки, budget, money, price tag]
          - [компания, компаний, фирма, company, companies, firm, firms]
          - [франция, французский, france, french]
          - [топ, лидер, лидеры, top, leader, leaders]
          - [сейчас, в настоящее время, currently, at present, at the moment]
          - [регион, регионы, region, regions, state, states]
          - [кран, краны, кранов, крановый, крановой, crane, cranes]
        attributes:
          - id: founder
            name: {ru: "кто основал", en: "who founded it"}
            words: {ru: [основал, основатель], en: [founded, founder]}
          - id: budget
            name: {ru: "бюджет", en: "budget"}
            words: {ru: [бюджет, бабки, деньги], en: [budget, money]}
            units: {ru: [евро, миллионов], en: [euros, million]}
          - id: investment
            name: {ru: "сумма инвестиций", en: "the amount invested"}
            asked_by: how_much
            words: {ru: [инвестиций, инвестиции], en: [investment, investments]}
            units: {ru: [евро, миллионов], en: [euros, million]}
        opposites:
          - [[сверху вниз, top-down], [снизу вверх, bottom-up]]
          - [[центральный, central], [местный, local]]
          - [[внутренний, domestic], [экспорт, экспортируют, export, exported]]
        comparatives:
          - [[легче, easier], [сложнее, harder]]
        places:
          ru: [франция, атлантида, дели, остин]
          en: [france, atlantis, delhi, austin, united states]
        """;

    private readonly TempFolder _temp = new();

    public SmallKnowledge()
        : this("")
    {
    }

    /// <summary>The same knowledge with more facts of Freedonia's (YAML list entries, indented as the others), and a topic file of its own.</summary>
    protected SmallKnowledge(string moreFacts, string? topic = null)
    {
        File.WriteAllText(_temp.File("sources.yaml"), Sources);
        File.WriteAllText(_temp.File("freedonia.yaml"), Country + "\n" + moreFacts);
        if (topic is not null) File.WriteAllText(_temp.File("topic.yaml"), topic);
        File.WriteAllText(_temp.File("lexicon.yaml"), Lexicon);
        Index = new KnowledgeIndex(KnowledgeYamlReader.ReadFolder(_temp.Path));
        var snapshot = new KnowledgeSnapshot(Index, new InMemoryCandidateSearch(Index));
        Engine = new AnswerEngine(new StaticKnowledgeSource(snapshot), Options.Create(new AnswerEngineOptions()));
    }

    public KnowledgeIndex Index { get; }

    public AnswerEngine Engine { get; }

    public Reply Ask(string text) => Engine.Answer(new Question(text, ChatKind.Private, BotUsername: "ClusterBot"));

    /// <summary>Asked of an engine with other thresholds, to show what a threshold decides.</summary>
    public Reply Ask(string text, AnswerEngineOptions options) =>
        new AnswerEngine(new StaticKnowledgeSource(new KnowledgeSnapshot(Index, new InMemoryCandidateSearch(Index))), Options.Create(options))
            .Answer(new Question(text, ChatKind.Private, BotUsername: "ClusterBot"));

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Freedonia with facts that use a question's words without answering it: money without a sum, a change denied, a
/// country named only as an example.
/// </summary>
public sealed class SmallKnowledgeWithAsides() : SmallKnowledge(MoreFacts)
{
    private const string MoreFacts = """
          - id: beacon-crane-service
            about: [beacon]
            kind: list
            ru: "Задачи крановой службы Beacon:"
            en: "The tasks of Beacon's crane service:"
            items:
              - {ru: "Погрузка", en: "Loading"}
              - {ru: "Ремонт", en: "Repairs"}
            cite: {section: "9", refs: [1]}
          - id: freedonia-winters
            about: [freedonia]
            kind: statement
            ru: "Климат во Фридонии мягкий, зимы там тёплые."
            en: "Freedonia's climate is mild, and its winters are warm."
            cite: {section: "9", refs: [1]}
          - id: beacon-grants
            about: [beacon]
            kind: statement
            ru: "После 2015 года 12 портов Beacon получают деньги из других программ."
            en: "After 2015 the 12 Beacon ports get money from other programmes."
            numbers: [12]
            cite: {section: "9", refs: [1]}
          - id: beacon-ports-unchanged
            about: [beacon]
            kind: statement
            ru: "С 2012 года состав портов Beacon не изменился."
            en: "Since 2012 the set of Beacon ports has not changed."
            cite: {section: "9", refs: [1]}
          - id: beacon-top-down
            about: [beacon]
            kind: statement
            ru: "Программу Beacon планировали сверху вниз."
            en: "The Beacon programme was planned top-down."
            cite: {section: "9", refs: [1]}
          - id: beacon-new-lighthouses
            about: [beacon]
            kind: statement
            ru: "В ближайшие годы Beacon откроет маяки в портах."
            en: "In the coming years Beacon will open lighthouses in its ports."
            cite: {section: "9", refs: [1]}
          - id: beacon-dredging
            about: [beacon]
            kind: statement
            ru: "Углубление дна в портах Beacon шло три года."
            en: "Dredging in the Beacon ports went on for three years."
            cite: {section: "9", refs: [1]}
          - id: beacon-opened-ports
            about: [beacon]
            kind: list
            ru: "Beacon открыл 9 портов разных отраслей, среди них:"
            en: "Beacon opened 9 ports of various industries, among them:"
            numbers: [9]
            items:
              - {ru: "рыбный порт", en: "a fishing port"}
              - {ru: "угольный порт", en: "a coal port"}
            cite: {section: "9", refs: [1]}
          - id: beacon-fish-export
            about: [beacon]
            kind: statement
            ru: "Рыбу из портов Beacon экспортируют."
            en: "The fish from Beacon's ports is exported."
            cite: {section: "9", refs: [1]}
          - id: beacon-attention
            about: [beacon]
            kind: statement
            ru: "В настоящее время особое внимание Beacon уделяет маякам."
            en: "At present Beacon pays particular attention to lighthouses."
            cite: {section: "9", refs: [1]}
          - id: freedonia-borrowed
            about: [freedonia]
            kind: statement
            ru: "Фридония переняла опыт Франции в кластерной политике."
            en: "Freedonia borrowed France's experience in cluster policy."
            cite: {section: "9", refs: [1]}
        phases:
          - id: fd-phase-piers
            of: freedonia
            order: 1
            name: {ru: "Фаза причалов", en: "Pier phase"}
            aliases: {ru: ["фаза причалов"], en: ["pier phase"]}
            start: 2001
            end: 2004
            summary: {ru: "Фаза причалов шла с 2001 по 2004 год.", en: "The pier phase ran from 2001 to 2004."}
            cite: {section: "9", refs: [1]}
          - id: fd-phase-cranes
            of: freedonia
            order: 2
            name: {ru: "Фаза кранов", en: "Crane phase"}
            aliases: {ru: ["фаза кранов"], en: ["crane phase"]}
            start: 2010
            summary: {ru: "Фаза кранов началась в 2010 году с постройки доков.", en: "The crane phase began in 2010 with the building of docks."}
            cite: {section: "9", refs: [1]}
        """;
}

/// <summary>Freedonia with a ranking of three places and a time given only as a decade.</summary>
public sealed class SmallKnowledgeWithRanking() : SmallKnowledge(MoreFacts)
{
    private const string MoreFacts = """
          - id: beacon-ranking
            about: [beacon]
            kind: list
            ru: "Три крупнейших порта Beacon по обороту."
            en: "Beacon's three largest ports by turnover."
            items:
              - {ru: "1. Марвилл", en: "1. Marville"}
              - {ru: "2. Остин", en: "2. Austin"}
              - {ru: "3. Сильвания", en: "3. Sylvania"}
            cite: {section: "9", refs: [1]}
          - id: beacon-lighthouses
            about: [beacon]
            kind: statement
            ru: "Фонд маяков Beacon появился в 90-е годы."
            en: "Beacon's lighthouse fund appeared in the 1990s."
            cite: {section: "9", refs: [1]}
          - id: beacon-pilots
            about: [beacon]
            kind: statement
            ru: "Лоцманы Beacon работают во всех портах страны."
            en: "Beacon's pilots work in all ports of the country."
            cite: {section: "9", refs: [1]}
        """;
}

/// <summary>
/// Freedonia with claims to check (a thing done instead of another, a ranking of two places), and things of a kind told
/// apart by a description or by their names, or not at all.
/// </summary>
public sealed class SmallKnowledgeWithClaims() : SmallKnowledge(MoreFacts)
{
    private const string MoreFacts = """
          - id: beacon-measures
            about: [beacon]
            kind: list
            ru: "Меры Beacon в портах:"
            en: "Beacon's measures in the ports:"
            items:
              - {ru: "Поддержка верфей", en: "Support for shipyards"}
              - {ru: "Обучение лоцманов", en: "Training of pilots"}
            cite: {section: "9", refs: [1]}
          - id: beacon-piers-both-ways
            about: [beacon]
            kind: statement
            ru: "Причалы Beacon возводили вместе центральные и местные власти."
            en: "Beacon's piers were erected by central and local authorities together."
            cite: {section: "9", refs: [1]}
          - id: beacon-deep-harbours
            about: [beacon]
            kind: statement
            ru: "Порт в глубокой гавани строить легче, чем на отмели."
            en: "A port in a deep harbour is easier to build than one on a shoal."
            cite: {section: "9", refs: [1]}
          - id: beacon-existing-ports
            about: [beacon]
            kind: statement
            ru: "Beacon расширяет существующие порты, а не строит новые."
            en: "Beacon expands existing ports rather than building new ones."
            cite: {section: "9", refs: [1]}
          - id: beacon-planning
            about: [beacon]
            kind: statement
            ru: "Программу Beacon планировали сверху вниз, при участии местных властей."
            en: "The Beacon programme was planned top-down, with local authorities taking part."
            cite: {section: "9", refs: [1]}
          - id: beacon-lighthouse-ranking
            about: [beacon]
            kind: list
            ru: "Два самых высоких маяка Beacon."
            en: "Beacon's two tallest lighthouses."
            items:
              - {ru: "1. Северный маяк", en: "1. North Light"}
              - {ru: "2. Южный маяк", en: "2. South Light"}
            cite: {section: "9", refs: [1]}
          - id: beacon-management
            about: [beacon]
            kind: statement
            ru: "Порты Beacon управляются центральным ведомством. Местные компании строят там причалы."
            en: "Beacon's ports are managed by a central agency. Local companies build piers there."
            cite: {section: "9", refs: [1]}
          - id: beacon-port-cities
            about: [beacon]
            kind: statement
            ru: "Порты Beacon стоят в прибрежных городах."
            en: "Beacon's ports stand in coastal cities."
            cite: {section: "9", refs: [1]}
          - id: beacon-universities
            about: [beacon]
            kind: statement
            ru: "Маякам Beacon помогают учёные из трёх университетов."
            en: "Scientists from three universities help Beacon's lighthouses."
            cite: {section: "9", refs: [1]}
          - id: beacon-port-choice
            about: [beacon]
            kind: list
            ru: "Место нового порта выбирают по разным причинам. На выбор порта Beacon могут повлиять:"
            en: "A new port's place is chosen for various reasons. The choice of a Beacon port may be influenced by:"
            items:
              - {ru: "1. Климатические условия", en: "1. Climatic conditions"}
              - {ru: "2. Близость к рыбным промыслам", en: "2. Nearness to fisheries"}
            cite: {section: "9", refs: [1]}
          - id: beacon-ministry
            about: [beacon]
            kind: statement
            ru: "Программу Beacon ведёт Министерство морей Фридонии."
            en: "The Beacon programme is run by the Freedonian Ministry of Seas."
            cite: {section: "9", refs: [1]}
          - id: beacon-stages
            about: [beacon]
            kind: statement
            ru: "Программа Beacon прошла три этапа: 2001–2004, 2005–2008 и 2009–2012."
            en: "The Beacon programme went through three stages: 2001–2004, 2005–2008 and 2009–2012."
            cite: {section: "9", refs: [1]}
          - id: beacon-pier-policy-stages
            about: [beacon]
            kind: statement
            ru: "Beacon прошла два этапа причальной политики: ранний (2001–2004) и поздний (2005–2008)."
            en: "Beacon went through two stages of pier policy: the early one (2001–2004) and the late one (2005–2008)."
            cite: {section: "9", refs: [1]}
          - id: beacon-piers
            about: [beacon]
            kind: count
            ru: "К 2012 году число причалов Beacon достигло 35."
            en: "By 2012 the number of Beacon piers reached 35."
            numbers: [35]
            cite: {section: "9", refs: [1]}
          - id: beacon-divers
            about: [beacon]
            kind: statement
            ru: "Водолазы Beacon приходят из нескольких гаваней."
            en: "Beacon's divers come from several harbours."
            cite: {section: "9", refs: [1]}
          - id: beacon-industries
            about: [beacon]
            kind: list
            ru: "Порты Beacon обслуживают разные отрасли, среди них:"
            en: "Beacon's ports serve various industries, among them:"
            items:
              - {ru: "ИКТ", en: "ICT"}
              - {ru: "Рыболовство", en: "Fishing"}
            cite: {section: "9", refs: [1]}
          - id: beacon-zones
            about: [beacon]
            kind: statement
            ru: "Зоны Beacon — это места, где расположены университеты."
            en: "Beacon's zones are places where universities are located."
            cite: {section: "9", refs: [1]}
          - id: beacon-regions
            about: [beacon]
            kind: statement
            ru: "Для Beacon важны сильные стороны отдельных регионов."
            en: "The strengths of individual regions matter for Beacon."
            cite: {section: "9", refs: [1]}
          - id: beacon-initiatives
            about: [beacon]
            kind: statement
            ru: "Больше инициатив Beacon исходит от центральных властей, но местные могут в них участвовать."
            en: "More Beacon initiatives come from the central authorities, but local ones may take part in them."
            cite: {section: "9", refs: [1]}
          - id: beacon-interest
            about: [beacon]
            kind: statement
            ru: "Интерес к программе Beacon проявляют как моряки, так и рыбаки."
            en: "Both sailors and fishermen show interest in the Beacon programme."
            cite: {section: "9", refs: [1]}
          - id: beacon-shipowners
            about: [beacon]
            kind: list
            ru: "Порты Beacon обслуживают, например, судовладельцев:"
            en: "Beacon's ports serve, for example, shipowners:"
            items:
              - {ru: "Акме", en: "Acme"}
              - {ru: "Зенит", en: "Zenith"}
              - {ru: "Иные компании-перевозчики", en: "Other carrier companies"}
            cite: {section: "9", refs: [1]}
        regions:
          - id: marvilia
            name: {ru: "Марвилия", en: "Marvilia"}
            aliases: {ru: ["марвилия"], en: ["marvilia"]}
            summary: {ru: "Марвилия — северный регион Фридонии со своими рыбными промыслами.", en: "Marvilia is a northern region of Freedonia with fisheries of its own."}
            cite: {section: "9", refs: [1]}
        """;
}

/// <summary>Freedonia beside a topic of its own, a ranking of harbours that names places but no country.</summary>
public sealed class SmallKnowledgeWithTopic() : SmallKnowledge("", Topic)
{
    private const string Topic = """
        topic:
          id: harbour-index
          name: {ru: "Индекс гаваней", en: "The Harbour Index"}
          aliases: {ru: ["индекс гаваней"], en: ["harbour index"]}
          summary: {ru: "Индекс гаваней ранжирует крупнейшие гавани мира.", en: "The Harbour Index ranks the world's largest harbours."}
          cite: {section: "9", refs: [1]}
        facts:
          - id: harbour-index-leaders
            about: [harbour-index]
            kind: count
            ru: "Лидеры Индекса гаваней по числу гаваней — две страны, по 9 гаваней у каждой."
            en: "The leaders of the Harbour Index by number of harbours are two countries, with 9 harbours each."
            numbers: [9]
            cite: {section: "9", refs: [1]}
          - id: harbour-index-top50
            about: [harbour-index]
            kind: definition
            ru: "Индекс гаваней охватывает топ-50 крупнейших гаваней мира."
            en: "The Harbour Index covers the world's top 50 largest harbours."
            numbers: [50]
            cite: {section: "9", refs: [1]}
          - id: harbour-index-regions
            about: [harbour-index]
            kind: definition
            ru: "Больше всего гаваней Индекса гаваней — в Лемурии и Атлантиде; у Гондваны и Пангеи — по 12 гаваней."
            en: "Most of the Harbour Index's harbours are in Lemuria and Atlantis; Gondwana and Pangaea have 12 harbours each."
            numbers: [12]
            cite: {section: "9", refs: [1]}
          - id: harbour-index-united-states
            about: [harbour-index]
            kind: count
            ru: "У Соединённых Штатов в Индексе гаваней 7 гаваней."
            en: "The United States have 7 harbours in the Harbour Index."
            numbers: [7]
            cite: {section: "9", refs: [1]}
          - id: harbour-index-seas
            about: [harbour-index]
            kind: list
            ru: "Гавани Индекса лежат в двух регионах:"
            en: "The Index's harbours lie in two regions:"
            items:
              - {ru: "Северное море", en: "the North Sea"}
              - {ru: "Южное море", en: "the South Sea"}
            cite: {section: "9", refs: [1]}
          - id: harbour-index-top
            about: [harbour-index]
            kind: list
            ru: "Три крупнейшие гавани по Индексу гаваней:"
            en: "The three largest harbours by the Harbour Index:"
            items:
              - {ru: "1. Порт-Рояль", en: "1. Port Royal"}
              - {ru: "2. Тортуга", en: "2. Tortuga"}
              - {ru: "3. Остин", en: "3. Austin"}
            cite: {section: "9", refs: [1]}
        """;
}

/// <summary>Freedonia beside a topic whose summary speaks of it without naming it.</summary>
public sealed class SmallKnowledgeWithUnnamedTopic() : SmallKnowledge("", Topic)
{
    private const string Topic = """
        topic:
          id: keepers-guild
          name: {ru: "Гильдия смотрителей маяков", en: "The Lighthouse Keepers' Guild"}
          aliases: {ru: ["гильдия смотрителей"], en: ["keepers guild"]}
          summary: {ru: "Она обучает смотрителей береговых огней.", en: "It trains the keepers of coastal lights."}
          cite: {section: "9", refs: [1]}
        """;
}

/// <summary>Freedonia beside a second country with a programme of its own.</summary>
public sealed class SmallKnowledgeWithTwoCountries() : SmallKnowledge("", Second)
{
    private const string Second = """
        country:
          id: sylvania
          name: {ru: "Сильвания", en: "Sylvania"}
          aliases: {ru: ["сильвания"], en: ["sylvania"]}
          summary: {ru: "Сильвания строит кластеры сверху вниз.", en: "Sylvania builds clusters top-down."}
          cite: {section: "9", refs: [1]}
        programmes:
          - id: harbourline
            name: {ru: "Программа Harbourline", en: "The Harbourline programme"}
            aliases: {ru: ["харборлайн"], en: ["harbourline"]}
            summary: {ru: "Harbourline связывает гавани железными дорогами.", en: "Harbourline links harbours by railways."}
            cite: {section: "9", refs: [1]}
        """;
}

/// <summary>Freedonia beside a league of harbours that one of its facts shares with a place of another country.</summary>
public sealed class SmallKnowledgeWithLeague() : SmallKnowledge("", League)
{
    private const string League = """
        topic:
          id: harbour-league
          name: {ru: "Лига гаваней", en: "The Harbour League"}
          aliases: {ru: ["лига гаваней"], en: ["harbour league"]}
          summary: {ru: "Лига гаваней сравнивает порты.", en: "The Harbour League compares ports."}
          cite: {section: "9", refs: [1]}
        facts:
          - id: harbour-league-leaders
            about: [harbour-league, freedonia]
            kind: count
            ru: "Лидеры Лиги гаваней — Фридония и Дели, по 8 гаваней."
            en: "The leaders of the Harbour League are Freedonia and Delhi, with 8 harbours each."
            numbers: [8]
            cite: {section: "9", refs: [1]}
        """;
}


/// <summary>
/// Freedonia beside a topic whose summary says several things, one to a sentence, and no facts of its own: a question
/// about one of them is answered by the summary's sentences that speak to it.
/// </summary>
public sealed class SmallKnowledgeWithLongSummary() : SmallKnowledge("", Topic)
{
    private const string Topic = """
        topic:
          id: harbour-index
          name: {ru: "Индекс гаваней (ИГ)", en: "The Harbour Index (THI)"}
          aliases: {ru: ["индекс гаваней", "иг"], en: ["harbour index", "thi", "HABIX"]}
          summary:
            ru: "Индекс гаваней охватывает топ-50 крупнейших гаваней мира с наибольшим количеством кораблей. Лидеры по числу гаваней — Лемурия и Атлантида. Тройка лидеров с 2020 года не менялась: 1. Порт-Рояль, 2. Тортуга, 3. Остин. Программа Beacon ведёт в индексе свою таблицу."
            en: "The Harbour Index covers the world's top 50 largest harbours with the most ships. The leaders by number of harbours are Lemuria and Atlantis. The top three have not changed since 2020: 1. Port Royal, 2. Tortuga, 3. Austin. The Beacon programme keeps a table of its own in the index."
          years: [2020]
          cite: {section: "9", refs: [1]}
        """;
}
