using System.Text;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using ClusterBot.Core.Tests.Answering;
using CsCheck;

namespace ClusterBot.Core.Tests.Study;

/// <summary>
/// Every question the real knowledge gives, in both languages: one right option, and it is what the source entry
/// says; the wrong options are values of the same kind that the paper gives elsewhere; all within the poll limits.
/// </summary>
public sealed class QuizGeneratorPropertyTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private KnowledgeIndex Index => fixture.Index;

    public static TheoryData<Lang> Languages => [Lang.Ru, Lang.En];

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_knowledge_gives_questions_of_every_kind(Lang lang)
    {
        var kinds = QuizGenerator.All(Index, lang).Select(q => q.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<QuizKind>().ToHashSet(), kinds);
        Assert.True(QuizGenerator.All(Index, lang).Count >= 30, $"only {QuizGenerator.All(Index, lang).Count} questions");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_question_has_exactly_one_right_option_and_it_is_what_its_entry_says(Lang lang)
    {
        foreach (var q in QuizGenerator.All(Index, lang))
        {
            var right = q.Options.Select((o, i) => (o, i)).Where(x => IsRight(q, x.o)).Select(x => x.i).ToList();
            Assert.True(right.Count == 1, $"{q.Id}: right options {string.Join(", ", right)} of {string.Join(" | ", q.Options)}");
            Assert.Equal(q.Correct, right[0]);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Options_are_distinct_of_the_same_kind_and_from_the_paper(Lang lang)
    {
        var kb = Index.Knowledge;
        var figures = kb.Facts.SelectMany(f => f.Numbers).Select(n => NumberForms.Format(n, lang)).ToHashSet();
        var years = kb.Facts.SelectMany(f => f.Years).Concat(kb.Entities.SelectMany(e => e.Years.Concat(new[] { e.Start, e.End }.OfType<int>())))
            .Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var periods = kb.Entities.Where(e => e.Kind == EntityKind.Phase).Select(p => QuizText.Period(p.Start, p.End)[lang]).ToHashSet();
        var countries = Index.Showcase.Countries.Select(c => c.Name[lang]).ToHashSet();
        foreach (var q in QuizGenerator.All(Index, lang))
        {
            Assert.Equal(q.Options.Count, q.Options.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.InRange(q.Options.Count, QuizLimits.MinOptions, QuizLimits.MaxOptions);
            var items = kb.Facts.FirstOrDefault(f => f.Id == q.SourceId)?.Items.Select(i => i.Text[lang]).ToList() ?? [];
            foreach (var option in q.Options)
            {
                var fromPaper = q.Kind switch
                {
                    QuizKind.Figure => figures.Contains(option),
                    QuizKind.Year => years.Contains(option),
                    QuizKind.Period => periods.Contains(option),
                    QuizKind.ListPair => items.Any(i => i.EndsWith(" — " + option, StringComparison.Ordinal)),
                    QuizKind.ListPlace => items.Any(i => i.EndsWith(". " + option, StringComparison.Ordinal)),
                    QuizKind.Owner => countries.Contains(option),
                    _ => false,
                };
                Assert.True(fromPaper, $"{q.Id}: option '{option}' is not a {q.Kind} the paper gives");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Questions_options_and_explanations_fit_telegrams_limits_and_name_their_source(Lang lang)
    {
        foreach (var q in QuizGenerator.All(Index, lang))
        {
            Assert.InRange(q.Text.Length, 1, QuizLimits.Question);
            Assert.All(q.Options, o => Assert.InRange(o.Length, 1, QuizLimits.Option));
            Assert.InRange(q.ShortExplanation.Length, 1, QuizLimits.Explanation);
            Assert.True(q.ShortExplanation.Count(c => c == '\n') <= 2, q.Id);
            Assert.Contains("§" + q.Citation.Section, q.ShortExplanation, StringComparison.Ordinal);
            Assert.Contains(q.Citation.Text, q.Explanation, StringComparison.Ordinal);
            Assert.Equal(lang, ClusterBot.Core.Text.Script.Detect(q.Text) ?? lang);
            // The question never shows its own answer.
            if (q.Kind is QuizKind.Figure or QuizKind.Year)
            {
                Assert.DoesNotContain(decimal.Parse(Value(q.CorrectOption, lang), System.Globalization.CultureInfo.InvariantCulture), NumberForms.In(q.Text));
            }

            if (q.Kind is QuizKind.Period) Assert.DoesNotContain(q.CorrectOption, q.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Any_seed_and_topic_deals_a_shuffled_question_whose_right_option_is_still_its_entrys()
    {
        var topics = Index.Entities.Where(e => e.Kind != EntityKind.Phase).Select(e => (Entity?)e).Append(null).ToArray();
        Gen.Select(Gen.Int, Gen.Int[0, topics.Length - 1].Select(i => topics[i]), Gen.Bool.Select(b => b ? Lang.Ru : Lang.En)).Sample((seed, topic, lang) =>
        {
            var q = QuizDealer.Deal(Index, topic, lang, seed);
            if (q is null) return QuizDealer.On(Index, topic, lang).Count == 0;
            var original = QuizGenerator.All(Index, lang).Single(x => x.Id == q.Id);
            return q.CorrectOption == original.CorrectOption && q.Options.Order().SequenceEqual(original.Options.Order()) &&
                (topic is null || q.About.Any(id => Index.Lineage(id).Any(e => e.Id == topic.Id)));
        }, iter: 2000);
    }

    [Fact]
    public void A_topic_deals_only_its_own_questions_and_every_country_has_some()
    {
        foreach (var country in Index.Showcase.Countries)
        {
            var on = QuizDealer.On(Index, country, Lang.En);
            Assert.NotEmpty(on);
            Assert.All(on, q => Assert.Contains(q.About, id => Index.RootOf(id)?.Id == country.Id));
        }
    }

    [Fact]
    public void Button_data_fits_telegrams_callback_data_and_reads_back()
    {
        Gen.Int[0, QuizLimits.MaxOptions - 1].Sample(option =>
        {
            var key = QuizCallback.NewKey();
            var data = QuizCallback.Data(key, option);
            return Encoding.UTF8.GetByteCount(data) <= 64 && QuizCallback.TryParse(data, out var k, out var o) && k == key && o == option;
        });
        Assert.False(QuizCallback.TryParse("/country korea", out _, out _));
        Assert.False(QuizCallback.TryParse("q:abc:x", out _, out _));
    }

    /// <summary>Whether an option is what the question's source entry says, read from the entry itself.</summary>
    private bool IsRight(QuizQuestion q, string option)
    {
        var lang = q.Lang;
        var fact = Index.Knowledge.Facts.FirstOrDefault(f => f.Id == q.SourceId);
        return q.Kind switch
        {
            QuizKind.Figure => fact!.Numbers.Any(n => NumberForms.Format(n, lang) == option) && q.Id.EndsWith(":" + Value(option, lang), StringComparison.Ordinal),
            QuizKind.Year => fact!.Years.Any(y => $"{y}" == option),
            QuizKind.Period => Index.FindEntity(q.SourceId) is { } p && QuizText.Period(p.Start, p.End)[lang] == option,
            QuizKind.ListPair => fact!.Items.Single(i => i.Order == q.Item).Text[lang].EndsWith(" — " + option, StringComparison.Ordinal),
            QuizKind.ListPlace => fact!.Items.Single(i => i.Order == q.Item).Text[lang] == $"{q.Item}. {option}",
            QuizKind.Owner => fact!.About.Select(Index.RootOf).Any(r => r?.Name[lang] == option),
            _ => false,
        };
    }

    private static string Value(string option, Lang lang) =>
        lang == Lang.Ru ? option.Replace(" ", "").Replace(',', '.') : option.Replace(",", "");
}
