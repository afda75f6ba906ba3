using System.Buffers.Binary;
using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Data;

/// <summary>
/// The stored knowledge, each document's stems and the parts of its in-memory index in one binary record: what a warm
/// start reads instead of a dozen queries and thousands of JSON columns, and instead of working the index out again. Every distinct string is written once and referred to by number,
/// so a start also allocates each stem, file name and section id once.
/// </summary>
/// <remarks>
/// It is written from what the tables give back (<see cref="KnowledgeStore.Load"/>), so reading it yields the same
/// knowledge the tables would; the tables stay the record (search, reports, an older image).
/// </remarks>
internal static class KnowledgeImage
{
    /// <summary>Raised whenever the layout below changes: an image of another layout is not read.</summary>
    public const int FormatVersion = 3;

    /// <param name="kb">The knowledge, as the tables give it back.</param>
    /// <param name="stems">Each document's stems, as the tables give them back.</param>
    /// <param name="parts">The index's parts worked out from exactly these; none: the image holds no index.</param>
    /// <param name="indexVersion">The version the parts are written under (other than the current one only in tests).</param>
    public static byte[] Write(KnowledgeBase kb, IReadOnlyDictionary<string, DocumentStems> stems, IndexParts? parts, int indexVersion = IndexParts.FormatVersion)
    {
        var strings = new StringTable();
        using var body = new MemoryStream();
        using (var w = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            var s = new Writer(w, strings);
            s.Text(kb.ContentHash);
            s.Localized(kb.PaperTitle);
            s.List(kb.Sections, x => { s.Text(x.Id); s.Localized(x.Title); });
            s.List(kb.References, x => { w.Write(x.Number); s.Text(x.Section); s.Localized(x.CitedFor); });
            s.List(kb.Entities, e =>
            {
                s.Text(e.Id); w.Write((int)e.Kind); s.OptionalText(e.ParentId); s.Localized(e.Name); s.LocalizedList(e.Aliases);
                s.Localized(e.Summary); s.Cite(e.Cite); s.OptionalNumber(e.Order); s.OptionalNumber(e.Start); s.OptionalNumber(e.End);
                s.Numbers(e.Years); s.Location(e.Location); s.Texts(e.Quote); s.LocalizedList(e.Asks);
            });
            s.List(kb.Facts, f =>
            {
                s.Text(f.Id); s.Texts(f.About); w.Write((int)f.Kind); s.Localized(f.Text);
                s.List(f.Items, i => { w.Write(i.Order); s.Localized(i.Text); s.Location(i.Location); s.Texts(i.Quote); s.LocalizedList(i.Asks); });
                s.LocalizedList(f.Keywords); s.List(f.Numbers, w.Write); s.Numbers(f.Years); s.Cite(f.Cite); s.Texts(f.See);
                s.Location(f.Location); s.Texts(f.Quote); s.LocalizedList(f.Asks);
            });
            var lexicon = kb.Lexicon;
            s.Texts(lexicon.Fillers);
            s.List(lexicon.Synonyms, s.Texts);
            s.List(lexicon.Attributes, a => { s.Text(a.Id); s.Localized(a.Name); s.Texts(a.Words); s.Texts(a.Units); w.Write(a.OnlyHowMuch); });
            s.Texts(lexicon.Places);
            s.List(lexicon.Opposites, o => { s.Texts(o.One); s.Texts(o.Other); });
            s.List(lexicon.Comparatives, o => { s.Texts(o.One); s.Texts(o.Other); });
            s.List(stems.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList(), kv => { s.Text(kv.Key); s.Texts(kv.Value.Text); s.Texts(kv.Value.All); });
            // Last and under a version of their own: parts of another version are skipped, the knowledge before them still read.
            if (parts is not null)
            {
                w.Write(indexVersion);
                s.List(parts.Postings, p => { s.Text(p.Stem); s.List(p.Documents, w.Write7BitEncodedInt); });
                s.List(parts.DocumentsPerEntity, w.Write7BitEncodedInt);
                s.List(parts.Aliases, a => { s.Texts(a.Stems); s.Text(a.EntityId); });
                s.Texts(parts.Fillers);
                s.List(parts.Synonyms, x => { s.Text(x.Stem); s.Texts(x.Equivalents); });
                s.List(parts.SynonymPhrases, s.Texts);
                s.List(parts.Attributes, a => { s.List(a.Words, s.Texts); s.Texts(a.GivenBy); s.Texts(a.AmountGivenBy); });
                s.List(parts.Places, s.Texts);
            }
        }

        using var image = new MemoryStream();
        using (var w = new BinaryWriter(image, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write7BitEncodedInt(strings.Count);
            foreach (var text in strings.InOrder) w.Write(text);
            body.Position = 0;
            w.Flush();
            body.CopyTo(image);
        }

        return image.ToArray();
    }

    /// <summary>
    /// The knowledge and stems the image holds, or null when it is of another format version; with the index's parts
    /// when it holds them in this build's version of them.
    /// </summary>
    public static (KnowledgeBase Knowledge, Dictionary<string, DocumentStems> Stems, IndexParts? Parts)? Read(byte[] image)
    {
        var r = new ImageReader(image);
        if (r.ReadInt32() != FormatVersion) return null;
        var strings = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < strings.Length; i++) strings[i] = r.ReadString();

        var s = new Reader(r, strings);
        var hash = s.Text();
        var title = s.Localized();
        var sections = s.List(() => new Section(s.Text(), s.Localized()));
        var references = s.List(() => new Reference(r.ReadInt32(), s.Text(), s.Localized()));
        var entities = s.List(() => new Entity(s.Text(), (EntityKind)r.ReadInt32(), s.OptionalText(), s.Localized(), s.LocalizedList(),
            s.Localized(), s.Cite(), s.OptionalNumber(), s.OptionalNumber(), s.OptionalNumber(), s.Numbers(), s.Location())
        {
            Quote = s.Texts(),
            Asks = s.LocalizedList(),
        });
        var facts = s.List(() => new Fact(s.Text(), s.Texts(), (FactKind)r.ReadInt32(), s.Localized(),
            s.List(() => new ListItem(r.ReadInt32(), s.Localized(), s.Location()) { Quote = s.Texts(), Asks = s.LocalizedList() }),
            s.LocalizedList(), s.List(r.ReadDecimal), s.Numbers(), s.Cite(), s.Texts(), s.Location())
        {
            Quote = s.Texts(),
            Asks = s.LocalizedList(),
        });
        var fillers = s.Texts();
        var synonyms = s.List<IReadOnlyList<string>>(s.Texts);
        var attributes = s.List(() => new LexiconAttribute(s.Text(), s.Localized(), s.Texts()) { Units = s.Texts(), OnlyHowMuch = r.ReadBoolean() });
        var places = s.Texts();
        var opposites = s.List(() => new LexiconOpposites(s.Texts(), s.Texts()));
        var comparatives = s.List(() => new LexiconOpposites(s.Texts(), s.Texts()));
        var stems = new Dictionary<string, DocumentStems>(StringComparer.Ordinal);
        var documents = r.Read7BitEncodedInt();
        for (var i = 0; i < documents; i++) stems[s.Text()] = new DocumentStems(s.Texts(), s.Texts());
        IndexParts? parts = null;
        if (r.HasMore && r.ReadInt32() == IndexParts.FormatVersion)
        {
            parts = new IndexParts(
                s.List(() => (s.Text(), s.Array(r.Read7BitEncodedInt))),
                s.List(r.Read7BitEncodedInt),
                s.List(() => (s.Array(s.Text), s.Text())),
                s.Texts(),
                s.List(() => (s.Text(), s.Array(s.Text))),
                s.List(() => s.Array(s.Text)),
                s.List(() => new IndexedAttributeParts(s.List(() => s.Array(s.Text)), s.Texts(), s.Texts())),
                s.List(() => s.Array(s.Text)));
        }

        var kb = new KnowledgeBase
        {
            PaperTitle = title,
            Sections = sections,
            References = references,
            Entities = entities,
            Facts = facts,
            Lexicon = new Lexicon(fillers, synonyms, attributes) { Places = places, Opposites = opposites, Comparatives = comparatives },
            ContentHash = hash,
        };
        return (kb, stems, parts);
    }

    /// <summary>Each distinct string once, numbered in the order first met.</summary>
    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

        public List<string> InOrder { get; } = [];

        public int Count => InOrder.Count;

        public int NumberOf(string text)
        {
            if (!_numbers.TryGetValue(text, out var number))
            {
                _numbers[text] = number = InOrder.Count;
                InOrder.Add(text);
            }

            return number;
        }
    }

    private sealed class Writer(BinaryWriter w, StringTable strings)
    {
        public void Text(string text) => w.Write7BitEncodedInt(strings.NumberOf(text));

        // 0 for none, else the string's number plus one.
        public void OptionalText(string? text) => w.Write7BitEncodedInt(text is null ? 0 : strings.NumberOf(text) + 1);

        public void OptionalNumber(int? number)
        {
            w.Write(number.HasValue);
            if (number is { } n) w.Write(n);
        }

        public void Localized(Localized text)
        {
            Text(text.Ru);
            Text(text.En);
        }

        public void LocalizedList(LocalizedList list)
        {
            Texts(list.Ru);
            Texts(list.En);
        }

        public void Cite(Cite cite)
        {
            Text(cite.Section);
            Numbers(cite.Refs);
        }

        public void Location(SourceLocation location)
        {
            Text(location.File);
            w.Write(location.Line);
        }

        public void Texts(IEnumerable<string> texts) => List(texts as IReadOnlyCollection<string> ?? texts.ToList(), Text);

        public void Numbers(IReadOnlyCollection<int> numbers) => List(numbers, w.Write);

        public void List<T>(IReadOnlyCollection<T> items, Action<T> write)
        {
            w.Write7BitEncodedInt(items.Count);
            foreach (var item in items) write(item);
        }
    }

    /// <summary>
    /// Reads what <see cref="BinaryWriter"/> wrote, straight from the array: a warm start decodes every string of the image
    /// once, and BinaryReader's stream calls and its chunked decoding of longer strings were most of reading it.
    /// </summary>
    private sealed class ImageReader(byte[] image)
    {
        private int _position;

        public bool HasMore => _position < image.Length;

        public int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(image.AsSpan(_position, 4));
            _position += 4;
            return value;
        }

        public bool ReadBoolean() => image[_position++] != 0;

        // As BinaryWriter.Write(decimal) lays it out: the low, middle and high 32 bits, then the flags.
        public decimal ReadDecimal() => new([ReadInt32(), ReadInt32(), ReadInt32(), ReadInt32()]);

        public int Read7BitEncodedInt()
        {
            var result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = image[_position++];
                result |= (b & 0x7F) << shift;
                if (b < 0x80) return result;
            }

            throw new FormatException("A number in the knowledge image is longer than five bytes.");
        }

        // BinaryWriter.Write(string): the length in bytes, then UTF-8.
        public string ReadString()
        {
            var length = Read7BitEncodedInt();
            var text = Encoding.UTF8.GetString(image, _position, length);
            _position += length;
            return text;
        }
    }

    private sealed class Reader(ImageReader r, string[] strings)
    {
        public string Text() => strings[r.Read7BitEncodedInt()];

        public string? OptionalText() => r.Read7BitEncodedInt() is var n and > 0 ? strings[n - 1] : null;

        public int? OptionalNumber() => r.ReadBoolean() ? r.ReadInt32() : null;

        public Localized Localized() => new(Text(), Text());

        public LocalizedList LocalizedList() => new(Texts(), Texts());

        public Cite Cite() => new(Text(), Numbers());

        public SourceLocation Location() => new(Text(), r.ReadInt32());

        public List<string> Texts() => List(Text);

        public List<int> Numbers() => List(r.ReadInt32);

        public T[] Array<T>(Func<T> read)
        {
            var items = new T[r.Read7BitEncodedInt()];
            for (var i = 0; i < items.Length; i++) items[i] = read();
            return items;
        }

        public List<T> List<T>(Func<T> read)
        {
            var count = r.Read7BitEncodedInt();
            var items = new List<T>(count);
            for (var i = 0; i < count; i++) items.Add(read());
            return items;
        }
    }
}
