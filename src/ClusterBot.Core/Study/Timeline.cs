using System.Text.RegularExpressions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>A phase or stage with the years the paper gives; an open end ("from 2013") has no <see cref="End"/>.</summary>
public sealed record TimelinePeriod(string Label, int Start, int? End, string Years);

/// <summary>One row of the picture: a country's or programme's periods, and the single years the paper names for it.</summary>
public sealed record TimelineLane(string Name, IReadOnlyList<TimelinePeriod> Periods, IReadOnlyList<int> Marks);

/// <summary>The periods the paper gives for a country or programme, in one language, with the source line.</summary>
public sealed partial record Timeline(Lang Lang, string Title, IReadOnlyList<TimelineLane> Lanes, string Source)
{
    public int From => Lanes.SelectMany(l => l.Periods.Select(p => p.Start).Concat(l.Marks)).Min();

    /// <summary>The last year shown: the latest end or mark, and a little beyond an open end.</summary>
    public int To => Lanes.SelectMany(l => l.Periods.Select(p => p.End ?? p.Start + 3).Concat(l.Marks)).Max();

    /// <summary>The timeline as text: where no picture can be drawn, and the caption's long form.</summary>
    public string ToText() => string.Join("\n", new[] { Title }
        .Concat(Lanes.SelectMany(l => l.Periods.Select(p => $"• {l.Name}: {p.Label} — {p.Years}")
            .Concat(l.Marks.Count == 0 ? [] : [$"• {l.Name}: {string.Join(", ", l.Marks)}"])))
        .Append(Source));

    /// <summary>The timeline of an entity and what is under it; null when the paper gives it no years.</summary>
    public static Timeline? Of(KnowledgeIndex index, Entity owner, Lang lang)
    {
        var composer = new ReplyComposer(index);
        var members = new[] { owner }.Concat(Descendants(index, owner)).Where(e => e.Kind != EntityKind.Phase).ToList();
        var cites = new List<Cite>();
        var lanes = new List<TimelineLane>();
        foreach (var member in members)
        {
            var phases = index.ChildrenOf(member.Id, EntityKind.Phase).Where(p => p.Start is not null).OrderBy(p => p.Order ?? int.MaxValue).ThenBy(p => p.Start).ToList();
            var covered = phases.SelectMany(p => new[] { p.Start, p.End }).OfType<int>().ToHashSet();
            var marks = member.Years.Where(y => !covered.Contains(y)).Distinct().Order().ToList();
            if (phases.Count == 0 && marks.Count == 0) continue;
            lanes.Add(new TimelineLane(member.Name[lang],
                phases.Select(p => new TimelinePeriod(Label(p.Name[lang], member.Name[lang]), p.Start!.Value, p.End, QuizText.Period(p.Start, p.End)[lang])).ToList(), marks));
            cites.Add(member.Cite);
            cites.AddRange(phases.Select(p => p.Cite));
        }

        if (lanes.Count == 0) return null;
        var source = string.Join("; ", composer.CiteAll(cites, lang).Select(c => c.Text));
        return new Timeline(lang, $"{QuizText.TimelineHeading[lang]}: {owner.Name[lang]}", lanes, source);
    }

    private static IEnumerable<Entity> Descendants(KnowledgeIndex index, Entity owner) =>
        index.ChildrenOf(owner.Id).Where(c => c.Kind != EntityKind.Phase).SelectMany(c => new[] { c }.Concat(Descendants(index, c)));

    /// <summary>
    /// A phase's name without the years in brackets (the bar shows them) and without its programme's name where it
    /// starts with it ("Industrial Complex Cluster Program, first stage" in the programme's own row is "first stage").
    /// </summary>
    private static string Label(string name, string owner)
    {
        var label = YearsInBrackets().Replace(name, "").Trim();
        if (label.StartsWith(owner, StringComparison.OrdinalIgnoreCase) && label.Length > owner.Length)
        {
            label = label[owner.Length..].TrimStart(',', ' ', ':', '—', '–', '-');
        }

        return label;
    }

    [GeneratedRegex(@"\s*\([^)]*\d{4}[^)]*\)")]
    private static partial Regex YearsInBrackets();
}
