namespace ClusterBot.Testing;

/// <summary>
/// A small knowledge folder of made-up countries whose entries carry the paper's words (`quote:`), for tests that
/// must not depend on the repository's knowledge. It has no paper/ folder, so quotes are read but not checked
/// against a paper. Removed when disposed.
/// </summary>
public sealed class QuotedKnowledge : IDisposable
{
    public const string Sources = """
        paper:
          title: {ru: "Опыт лесных кластеров", en: "Experience of forest clusters"}
        sections:
          - id: "1"
            title: {ru: "Введение", en: "Introduction"}
          - id: "2.1"
            title: {ru: "Сильвания", en: "Sylvania"}
          - id: "2.2"
            title: {ru: "Фридония", en: "Freedonia"}
        references:
          - number: 1
            section: "2.1"
            cited_for: {ru: "кластеры Сильвании", en: "Sylvania's clusters"}
          - number: 2
            section: "2.1"
            cited_for: {ru: "программа «Лесной союз»", en: "the Forest Union programme"}
          - number: 3
            section: "2.2"
            cited_for: {ru: "кластеры Фридонии", en: "Freedonia's clusters"}
        """;

    public const string Sylvania = """
        country:
          id: sylvania
          name: {ru: "Сильвания", en: "Sylvania"}
          aliases: {ru: ["сильвания", "сильванский"], en: ["sylvania", "sylvanian"]}
          summary:
            ru: "Сильвания строит кластеры вокруг лесной промышленности."
            en: "Sylvania builds its clusters around the timber industry."
          quote: "Кластерная политика Сильвании опирается на лесную промышленность [1]."
          cite: {section: "2.1", refs: [1]}
        programmes:
          - id: forest-union
            name: {ru: "Лесной союз", en: "Forest Union"}
            aliases: {ru: ["лесной союз"], en: ["forest union"]}
            summary:
              ru: "Программа «Лесной союз» объединяет лесопилки и университеты."
              en: "The Forest Union programme brings sawmills and universities together."
            quote: "Программа «Лесной союз» объединила лесопилки и университеты [2]."
            cite: {section: "2.1", refs: [2]}
        phases:
          - id: sy-phase-start
            of: sylvania
            order: 1
            name: {ru: "Фаза начала", en: "Start phase"}
            start: 2001
            end: 2005
            summary: {ru: "Первые лесные кластеры.", en: "The first forest clusters."}
            quote: "В 2001–2005 годах появились первые лесные кластеры [1]."
            cite: {section: "2.1", refs: [1]}
          - id: sy-phase-growth
            of: sylvania
            order: 2
            name: {ru: "Фаза роста", en: "Growth phase"}
            start: 2006
            end: 2010
            summary: {ru: "Кластеры вышли на экспорт.", en: "The clusters began to export."}
            quote: "С 2006 по 2010 год кластеры вышли на внешние рынки [1]."
            cite: {section: "2.1", refs: [1]}
        facts:
          - id: sy-sawmill-clusters
            about: [sylvania]
            kind: count
            ru: "В Сильвании работают 42 кластера лесопилок."
            en: "Sylvania has 42 sawmill clusters."
            keywords: {ru: [лесопилки, лесопилок], en: [sawmill, sawmills]}
            numbers: [42]
            quote: ["В стране действуют 42 кластера лесопилок", "созданных при поддержке государства [1]."]
            asks:
              ru: ["Сколько кластеров лесопилок в Сильвании?"]
              en: ["How many sawmill clusters does Sylvania have?"]
            cite: {section: "2.1", refs: [1]}
          - id: fu-members
            about: [forest-union]
            kind: list
            ru: "В Лесной союз входят три вида участников."
            en: "The Forest Union has three kinds of members."
            items:
              - {ru: "лесопилки", en: "sawmills", quote: "в союз вошли лесопилки"}
              - {ru: "университеты", en: "universities", quote: "и университеты"}
              - {ru: "банки", en: "banks"}
            quote: "В Лесной союз входят три вида участников [2]."
            cite: {section: "2.1", refs: [2]}
          - id: sy-furniture
            about: [sylvania]
            kind: statement
            ru: "Сильвания вывозит мебель."
            en: "Sylvania exports furniture."
            keywords: {ru: [мебель, экспорт], en: [furniture, export]}
            cite: {section: "2.1", refs: [1]}
        """;

    /// <summary>A country added as a file of its own: nothing in code names it.</summary>
    public const string Freedonia = """
        country:
          id: freedonia
          name: {ru: "Фридония", en: "Freedonia"}
          aliases: {ru: ["фридония", "фридонский"], en: ["freedonia", "freedonian"]}
          summary:
            ru: "Фридония развивает сырные кластеры в горных долинах."
            en: "Freedonia develops cheese clusters in its mountain valleys."
          quote: "Фридония развивает сырные кластеры в горных долинах [3]."
          cite: {section: "2.2", refs: [3]}
        programmes:
          - id: cheese-valleys
            name: {ru: "Сырные долины", en: "Cheese Valleys"}
            aliases: {ru: ["сырные долины"], en: ["cheese valleys"]}
            summary:
              ru: "Программа «Сырные долины» помогает горным сыроварням."
              en: "The Cheese Valleys programme helps mountain dairies."
            quote: "Программа «Сырные долины» помогает горным сыроварням [3]."
            cite: {section: "2.2", refs: [3]}
        facts:
          - id: fr-dairies
            about: [freedonia, cheese-valleys]
            kind: count
            ru: "В программе «Сырные долины» участвуют 17 сыроварен."
            en: "17 cheese dairies take part in the Cheese Valleys programme."
            keywords: {ru: [сыроварни, сыроварен, сыроварня], en: [dairies, dairy, cheese]}
            numbers: [17]
            quote: "В программе участвуют 17 сыроварен [3]."
            asks:
              ru: ["Сколько сыроварен во Фридонии?"]
              en: ["How many cheese dairies are there in Freedonia?"]
            cite: {section: "2.2", refs: [3]}
        """;

    public QuotedKnowledge(bool withFreedonia = false)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "clusterbot-tests", "knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        File.WriteAllText(System.IO.Path.Combine(Path, "sources.yaml"), Sources);
        File.WriteAllText(System.IO.Path.Combine(Path, "sylvania.yaml"), Sylvania);
        if (withFreedonia) AddFreedonia();
    }

    public string Path { get; }

    /// <summary>Adds the new country the way a curator would: one more file.</summary>
    public void AddFreedonia() => File.WriteAllText(System.IO.Path.Combine(Path, "freedonia.yaml"), Freedonia);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still open in a finishing test: the OS temp cleaner will take it.
        }
    }
}
