using System.Globalization;
using System.IO.Hashing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ClusterBot.Core.Knowledge;

/// <summary>
/// Reads the knowledge folder (YAML) into a <see cref="KnowledgeBase"/>, keeping the line of every item
/// so that the validator can point a curator at the exact place to fix.
/// </summary>
public sealed class KnowledgeYamlReader
{
    public const string SourcesFile = "sources.yaml";

    public const string LexiconFile = "lexicon.yaml";

    private readonly List<KnowledgeError> _errors = [];
    private string _file = "";

    /// <summary>The knowledge files in a folder, in a stable order.</summary>
    public static IReadOnlyList<string> ListFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new KnowledgeValidationException([new KnowledgeError(folder, 0, "the knowledge folder does not exist")]);
        }

        return Directory.EnumerateFiles(folder, "*.yaml")
            .Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A hash of the files' names and bytes and of the engine that reads them: cheap to compute, so a warm start can
    /// skip the import; a new build re-imports, since the stems and search index it saves depend on how words are read.
    /// </summary>
    /// <remarks>
    /// It detects edits, it guards nothing, so it need not be cryptographic: XxHash128 is computed in managed code,
    /// where SHA-256 loaded and initialised OpenSSL, a tenth of a cold `ask` that otherwise uses no TLS.
    /// </remarks>
    public static string ComputeContentHash(string folder)
    {
        var hash = new XxHash128();
        hash.Append(typeof(KnowledgeYamlReader).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in ListFiles(folder))
        {
            hash.Append(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.Append(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetCurrentHash());
    }

    /// <summary>Reads and validates the folder; throws <see cref="KnowledgeValidationException"/> listing every error.</summary>
    public static KnowledgeBase ReadFolder(string folder)
    {
        var reader = new KnowledgeYamlReader();
        var kb = reader.Read(folder);
        var errors = reader._errors.Concat(KnowledgeValidator.Validate(kb)).ToList();
        if (Paper.TryLoad(folder) is { } paper)
        {
            // With the paper beside the files, every entry must quote it and cite exactly what its paragraph cites.
            var (quoteErrors, counts) = QuoteChecker.Check(kb, paper);
            errors.AddRange(quoteErrors);
            kb = kb.WithQuoteCounts(counts);
        }

        if (errors.Count > 0)
        {
            throw new KnowledgeValidationException(errors);
        }

        return kb;
    }

    private KnowledgeBase Read(string folder)
    {
        var files = ListFiles(folder);
        var entities = new List<Entity>();
        var facts = new List<Fact>();
        Localized? title = null;
        var sections = new List<Section>();
        var references = new List<Reference>();
        var lexicon = Lexicon.Empty;

        if (!files.Any(f => Path.GetFileName(f) == SourcesFile))
        {
            _errors.Add(new KnowledgeError(Path.Combine(folder, SourcesFile), 0, "the sources file is missing"));
        }

        foreach (var path in files)
        {
            _file = Path.GetFileName(path);
            var root = Parse(path);
            if (root is null)
            {
                continue;
            }

            if (_file == SourcesFile)
            {
                Keys(root, "the sources file", "paper", "sections", "references");
                Keys(Map(Child(root, "paper", required: false)), "`paper`", "title");
                title = ReadLocalized(root, "paper.title", Child(Map(Child(root, "paper", required: true)), "title", required: true));
                foreach (var node in Seq(root, "sections"))
                {
                    var m = Map(node);
                    if (m is null) continue;
                    Keys(m, "a section", "id", "title");
                    sections.Add(new Section(Str(m, "id", required: true) ?? "", ReadLocalized(m, "title", Child(m, "title", required: true))));
                }

                foreach (var node in Seq(root, "references"))
                {
                    var m = Map(node);
                    if (m is null) continue;
                    Keys(m, "a reference", "number", "section", "cited_for");
                    references.Add(new Reference(
                        Int(m, "number", required: true) ?? 0,
                        Str(m, "section", required: true) ?? "",
                        ReadLocalized(m, "cited_for", Child(m, "cited_for", required: true))));
                }

                continue;
            }

            if (_file == LexiconFile)
            {
                lexicon = ReadLexicon(root);
                continue;
            }

            ReadSubjectFile(root, entities, facts);
        }

        return new KnowledgeBase
        {
            PaperTitle = title ?? new Localized("", ""),
            Sections = sections,
            References = references,
            Entities = entities,
            Facts = facts,
            Lexicon = lexicon,
            ContentHash = files.Count > 0 ? ComputeContentHash(folder) : "",
        };
    }

    private void ReadSubjectFile(YamlMappingNode root, List<Entity> entities, List<Fact> facts)
    {
        var countryNode = Child(root, "country", required: false);
        var topicNode = Child(root, "topic", required: false);
        if ((countryNode is null) == (topicNode is null))
        {
            Error(root, "a knowledge file needs exactly one of `country:` or `topic:`");
            return;
        }

        Keys(root, "a country or topic file", "country", "topic", "regions", "programmes", "phases", "facts");
        var subject = ReadEntity(Map(countryNode ?? topicNode)!, countryNode is null ? EntityKind.Topic : EntityKind.Country, parent: null);
        if (subject is null)
        {
            return;
        }

        entities.Add(subject);
        foreach (var node in Seq(root, "regions"))
        {
            if (ReadEntity(Map(node), EntityKind.Region, subject.Id) is { } e) entities.Add(e);
        }

        foreach (var node in Seq(root, "programmes"))
        {
            if (ReadEntity(Map(node), EntityKind.Programme, subject.Id) is { } e) entities.Add(e);
        }

        foreach (var node in Seq(root, "phases"))
        {
            var m = Map(node);
            if (m is null) continue;
            if (ReadEntity(m, EntityKind.Phase, Str(m, "of", required: true)) is { } e) entities.Add(e);
        }

        foreach (var node in Seq(root, "facts"))
        {
            var m = Map(node);
            if (m is null) continue;
            Keys(m, "a fact", FactKeys);
            var kindText = Str(m, "kind", required: false) ?? "statement";
            if (!Enum.TryParse<FactKind>(kindText, ignoreCase: true, out var kind))
            {
                Error(m, $"unknown fact kind '{kindText}' (count, date, list, definition, figure, statement)");
            }

            var ru = Str(m, "ru", required: true) ?? "";
            var en = Str(m, "en", required: true) ?? "";
            facts.Add(new Fact(
                Str(m, "id", required: true) ?? "",
                StrList(m, "about"),
                kind,
                new Localized(ru, en),
                ReadItems(m),
                ReadLocalizedList(m, "keywords"),
                NumList(m, "numbers"),
                StrList(m, "years").Select(y => ParseInt(m, y)).ToList(),
                ReadCite(m),
                StrList(m, "see"),
                At(m))
            {
                Quote = ReadQuote(m),
                Asks = ReadLocalizedList(m, "asks"),
            });
        }
    }

    private Lexicon ReadLexicon(YamlMappingNode root)
    {
        Keys(root, "the lexicon", "fillers", "synonyms", "attributes", "places", "opposites", "comparatives");
        var fillers = ReadLocalizedList(root, "fillers");
        var synonyms = new List<IReadOnlyList<string>>();
        foreach (var node in Seq(root, "synonyms"))
        {
            if (node is not YamlSequenceNode group)
            {
                Error(node, "each synonym group is a list of words, e.g. [деньги, бабки, money]");
                continue;
            }

            var words = group.Children.OfType<YamlScalarNode>().Select(w => w.Value?.Trim() ?? "").Where(w => w.Length > 0).ToList();
            if (words.Count < 2) Error(node, "a synonym group needs at least two words");
            else synonyms.Add(words);
        }

        var attributes = new List<LexiconAttribute>();
        foreach (var node in Seq(root, "attributes"))
        {
            var m = Map(node);
            if (m is null) continue;
            Keys(m, "an attribute", "id", "name", "words", "units", "asked_by");
            var askedBy = Str(m, "asked_by", required: false);
            if (askedBy is not null and not "how_much") Error(Child(m, "asked_by", required: false)!, "asked_by is 'how_much' or left out");
            attributes.Add(new LexiconAttribute(Str(m, "id", required: true) ?? "", ReadLocalized(m, "name", Child(m, "name", required: true)),
                ReadLocalizedList(m, "words").All.ToList())
            {
                Units = ReadLocalizedList(m, "units").All.ToList(),
                OnlyHowMuch = askedBy == "how_much",
            });
        }

        var opposites = ReadPairs(root, "opposites", "[[central, федеральный], [provincial, местный]]");
        var comparatives = ReadPairs(root, "comparatives", "[[easier, легче], [harder, сложнее]]");

        return new Lexicon(fillers.All.ToList(), synonyms, attributes) { Places = ReadLocalizedList(root, "places").All.ToList(), Opposites = opposites, Comparatives = comparatives };
    }

    /// <summary>Pairs of word lists on the two sides of one scale, each side with words of its own.</summary>
    private List<LexiconOpposites> ReadPairs(YamlMappingNode root, string key, string example)
    {
        var pairs = new List<LexiconOpposites>();
        foreach (var node in Seq(root, key))
        {
            if (node is not YamlSequenceNode { Children: [YamlSequenceNode one, YamlSequenceNode other] })
            {
                Error(node, $"each pair of {key} is two lists of words, e.g. {example}");
                continue;
            }

            static List<string> Words(YamlSequenceNode side) =>
                side.Children.OfType<YamlScalarNode>().Select(w => w.Value?.Trim() ?? "").Where(w => w.Length > 0).ToList();
            var (a, b) = (Words(one), Words(other));
            if (a.Count == 0 || b.Count == 0) Error(node, $"each side of a pair of {key} needs at least one word");
            else if (a.Intersect(b, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both) Error(node, $"'{both}' stands on both sides of a pair of {key}");
            else pairs.Add(new LexiconOpposites(a, b));
        }

        return pairs;
    }

    private static readonly string[] FactKeys =
        ["id", "about", "kind", "ru", "en", "items", "keywords", "numbers", "years", "cite", "see", "quote", "asks"];

    private static readonly string[] EntityKeys =
        ["id", "name", "aliases", "summary", "cite", "years", "order", "start", "end", "of", "quote", "asks"];

    /// <summary>
    /// A list's items: either plain texts per language (`{ru: [...], en: [...]}`), or one entry per item with
    /// its own texts, quote and sample questions, so that a question can address a single item.
    /// </summary>
    private List<ListItem> ReadItems(YamlMappingNode owner)
    {
        var node = Child(owner, "items", required: false);
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode seq)
        {
            var items = new List<ListItem>();
            foreach (var itemNode in seq.Children)
            {
                var m = Map(itemNode);
                if (m is null) continue;
                Keys(m, "a list item", "ru", "en", "quote", "asks");
                items.Add(new ListItem(items.Count + 1, new Localized(Str(m, "ru", required: true) ?? "", Str(m, "en", required: true) ?? ""), At(m))
                {
                    Quote = ReadQuote(m),
                    Asks = ReadLocalizedList(m, "asks"),
                });
            }

            return items;
        }

        var texts = ReadLocalizedList(owner, "items");
        if (texts.Ru.Count != texts.En.Count)
        {
            Error(node, $"`items` has {texts.Ru.Count} Russian entries but {texts.En.Count} English ones");
            return [];
        }

        return texts.Ru.Select((ru, i) => new ListItem(i + 1, new Localized(ru, texts.En[i]), At(node))).ToList();
    }

    /// <summary>`quote:` is one passage of the paper, or a list of passages.</summary>
    private List<string> ReadQuote(YamlMappingNode owner)
    {
        var node = Child(owner, "quote", required: false);
        return node switch
        {
            null => [],
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
            YamlSequenceNode => StrList(owner, "quote"),
            _ => Error(node, "`quote` must be a text or a list of texts", new List<string>()),
        };
    }

    /// <summary>A key the reader does not know is a curator's typo (`keyword:` for `keywords:`): reported, not ignored.</summary>
    private void Keys(YamlMappingNode? m, string what, params string[] allowed)
    {
        if (m is null) return;
        foreach (var key in m.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key `{name}` in {what} (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    private Entity? ReadEntity(YamlMappingNode? m, EntityKind kind, string? parent)
    {
        if (m is null)
        {
            return null;
        }

        Keys(m, kind is EntityKind.Country or EntityKind.Topic ? "the country or topic" : $"a {kind.ToString().ToLowerInvariant()}", EntityKeys);
        var years = StrList(m, "years").Select(y => ParseInt(m, y)).ToList();
        return new Entity(
            Str(m, "id", required: true) ?? "",
            kind,
            parent,
            ReadLocalized(m, "name", Child(m, "name", required: true)),
            ReadLocalizedList(m, "aliases"),
            ReadLocalized(m, "summary", Child(m, "summary", required: true)),
            ReadCite(m),
            Int(m, "order", required: kind == EntityKind.Phase),
            Int(m, "start", required: false),
            Int(m, "end", required: false),
            years,
            At(m))
        {
            Quote = ReadQuote(m),
            Asks = ReadLocalizedList(m, "asks"),
        };
    }

    private Cite ReadCite(YamlMappingNode owner)
    {
        // A missing `cite` is reported by the validator (which checks every source of knowledge), not twice here.
        var m = Map(Child(owner, "cite", required: false));
        if (m is null)
        {
            return new Cite("", []);
        }

        Keys(m, "`cite`", "section", "refs");

        if (Child(m, "refs", required: true) is null)
        {
            return new Cite(Str(m, "section", required: true) ?? "", []);
        }

        return new Cite(Str(m, "section", required: true) ?? "", StrList(m, "refs").Select(r => ParseInt(m, r)).ToList());
    }

    private Localized ReadLocalized(YamlMappingNode owner, string what, YamlNode? node)
    {
        var m = Map(node);
        if (m is null)
        {
            return new Localized("", "");
        }

        Keys(m, $"`{what}`", "ru", "en");
        var ru = Str(m, "ru", required: false);
        var en = Str(m, "en", required: false);
        if (string.IsNullOrWhiteSpace(ru)) Error(m, $"`{what}` has no Russian text (ru)");
        if (string.IsNullOrWhiteSpace(en)) Error(m, $"`{what}` has no English text (en)");
        _ = owner;
        return new Localized(ru ?? "", en ?? "");
    }

    private LocalizedList ReadLocalizedList(YamlMappingNode owner, string key)
    {
        var m = Map(Child(owner, key, required: false));
        if (m is null)
        {
            return LocalizedList.Empty;
        }

        Keys(m, $"`{key}`", "ru", "en");
        var ru = StrList(m, "ru");
        var en = StrList(m, "en");
        if (ru.Count == 0 && en.Count > 0) Error(m, $"`{key}` has English entries but no Russian ones (ru)");
        if (en.Count == 0 && ru.Count > 0) Error(m, $"`{key}` has Russian entries but no English ones (en)");
        return new LocalizedList(ru, en);
    }

    private YamlMappingNode? Parse(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                _errors.Add(new KnowledgeError(_file, 1, "the file must hold one YAML mapping"));
                return null;
            }

            return root;
        }
        catch (YamlException ex)
        {
            _errors.Add(new KnowledgeError(_file, (int)ex.Start.Line, "YAML syntax error: " + ex.Message));
            return null;
        }
    }

    private YamlNode? Child(YamlMappingNode? m, string key, bool required)
    {
        if (m is null)
        {
            return null;
        }

        if (m.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return node;
        }

        if (required)
        {
            Error(m, $"`{key}` is missing");
        }

        return null;
    }

    private YamlMappingNode? Map(YamlNode? node)
    {
        if (node is null or YamlMappingNode) return node as YamlMappingNode;
        Error(node, "expected a mapping (key: value pairs)");
        return null;
    }

    private IEnumerable<YamlNode> Seq(YamlMappingNode m, string key)
    {
        var node = Child(m, key, required: false);
        if (node is null) return [];
        if (node is YamlSequenceNode s) return s.Children;
        Error(node, $"`{key}` must be a list");
        return [];
    }

    private string? Str(YamlMappingNode m, string key, bool required)
    {
        var node = Child(m, key, required);
        if (node is null) return null;
        if (node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) return s.Value.Trim();
        Error(node, $"`{key}` must be a non-empty text");
        return null;
    }

    private List<string> StrList(YamlMappingNode m, string key)
    {
        var result = new List<string>();
        foreach (var item in Seq(m, key))
        {
            if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value)) result.Add(s.Value.Trim());
            else Error(item, $"`{key}` entries must be non-empty texts");
        }

        return result;
    }

    private List<decimal> NumList(YamlMappingNode m, string key) =>
        StrList(m, key).Select(v =>
        {
            if (decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
            Error(m, $"`{key}` entry '{v}' is not a number");
            return 0m;
        }).ToList();

    private int? Int(YamlMappingNode m, string key, bool required)
    {
        var text = Str(m, key, required);
        return text is null ? null : ParseInt(m, text);
    }

    private int ParseInt(YamlNode at, string text)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        Error(at, $"'{text}' is not a whole number");
        return 0;
    }

    private SourceLocation At(YamlNode node) => new(_file, (int)node.Start.Line);

    private void Error(YamlNode node, string message) => _errors.Add(new KnowledgeError(_file, (int)node.Start.Line, message));

    private T Error<T>(YamlNode node, string message, T fallback)
    {
        Error(node, message);
        return fallback;
    }
}
