using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>The matching mechanisms on a small knowledge base of their own: lexicon, sound, evidence, attributes, yes/no.</summary>
public sealed class EvidenceMatchingTests(SmallKnowledge kb) : IClassFixture<SmallKnowledge>
{
    [Fact]
    public void A_slang_synonym_from_the_lexicon_finds_the_fact_that_uses_the_paper_word()
    {
        var reply = kb.Ask("сколько бабки у программы маяк");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-budget"], reply.FactIds);
    }

    [Fact]
    public void A_multi_word_synonym_counts_as_the_word()
    {
        var reply = kb.Ask("beacon price tag");
        Assert.Equal(["beacon-budget"], reply.FactIds);
    }

    [Fact]
    public void Chat_fillers_say_nothing_and_change_nothing()
    {
        Assert.Equal(kb.Ask("бюджет маяк").FactIds, kb.Ask("кароч бюджет маяк плиз").FactIds);
    }

    [Fact]
    public void An_english_name_written_in_cyrillic_is_read_by_its_sound()
    {
        var reply = kb.Ask("когда был лидинг эдж во фридонии");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["freedonia-leading-edge"], reply.FactIds);
    }

    [Theory]
    [InlineData("лидинг", "lead")]
    [InlineData("лединг", "lead")]
    [InlineData("олодинаго", null)]
    public void A_cyrillic_word_reads_as_an_english_one_only_when_spelt_near_it_not_merely_with_its_consonants(string token, string? stem)
    {
        Assert.Equal(stem, kb.Index.EnglishSoundingLike(token));
    }

    [Fact]
    public void A_question_about_a_named_thing_that_asks_what_no_entry_says_is_not_answered_with_a_neighbour()
    {
        var reply = kb.Ask("how many employees does beacon have in winter");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Fact]
    public void An_attribute_the_paper_does_not_give_for_the_thing_is_said_to_be_missing_and_the_givers_are_offered()
    {
        var reply = kb.Ask("кто основал программу маяк");
        Assert.False(reply.Answered);
        Assert.Contains("не сказано", reply.ToPlainText());

        var budget = kb.Ask("what was the budget of the leading-edge competition in freedonia");
        Assert.False(budget.Answered, budget.ToPlainText());
        Assert.Contains("12 million", budget.ToPlainText());
    }

    [Fact]
    public void An_attribute_the_thing_has_is_answered()
    {
        Assert.Equal(["beacon-budget"], kb.Ask("what is the budget of the beacon programme").FactIds);
    }

    [Theory]
    [InlineData("у программы маяк бюджет 12 миллионов?", "Да.")]
    [InlineData("у программы маяк бюджет 15 миллионов?", "Нет.")]
    [InlineData("is the beacon budget 12 million euros", "Yes.")]
    [InlineData("марвилл это судостроение?", "Нет.")]
    [InlineData("остин второй порт маяка?", "Да.")]
    [InlineData("марвилл второй порт маяка?", "Нет.")]
    [InlineData("правда что у программы маяк бюджет 12 миллионов?", "Да.")]
    [InlineData("правда ли что у программы маяк бюджет 15 миллионов", "Нет.")]
    public void A_yes_no_question_starts_with_the_verdict_the_fact_gives(string question, string verdict)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(verdict, reply.ToPlainText());
    }

    [Theory]
    [InlineData("чья программа маяк", "программа маяк")]
    [InlineData("чему способствует программа маяк", "способствует программа маяк")]
    [InlineData("откуда у программы маяк бюджет", "программы маяк бюджет")]
    [InlineData("сколько всего компаний у маяка", "сколько компаний у маяка")]
    [InlineData("what kind of budget does the beacon programme have in total", "budget beacon programme")]
    public void Question_words_and_pronouns_in_any_case_are_not_matched_as_content(string asked, string plain)
    {
        Assert.Equal(Terms(plain), Terms(asked));
    }

    [Fact]
    public void A_when_question_about_a_thing_the_paper_gives_no_date_for_is_told_so()
    {
        var reply = kb.Ask("когда появилась программа маяк");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Contains("не сказано (когда)", reply.ToPlainText());
        Assert.True(kb.Ask("когда прошёл конкурс leading-edge во фридонии").Answered);
    }

    [Fact]
    public void A_how_many_question_is_answered_by_the_fact_that_counts_that_thing()
    {
        var reply = kb.Ask("сколько фирм участвует в программе маяк");
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-members"], reply.FactIds);
    }

    [Theory]
    [InlineData("сколько компаний в программе маяк", "beacon-members", true)]
    [InlineData("how many companies are in the beacon programme", "beacon-members", true)]
    [InlineData("сколько портов в программе маяк", "beacon-members", false)]
    [InlineData("сколько компаний в программе маяк", "beacon-ports", false)]
    public void A_count_of_the_counted_thing_is_a_figure_right_before_its_word(string question, string factId, bool states)
    {
        var query = QueryAnalyser.Analyse(question, kb.Index);
        Assert.Equal(states, AskedKind.StatesCountOf(query, kb.Index.FindDocument(factId)!));
    }

    [Theory]
    [InlineData("сколько рыбаков в программе маяк")]
    [InlineData("how many ships does the beacon programme build")]
    [InlineData("сколько реформ было у программы маяк")]
    public void A_how_many_question_about_something_the_paper_does_not_count_is_told_so(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("что в разделе 9", "§9 Фридония")]
    [InlineData("в каком разделе про программу маяк", "§9 Фридония")]
    [InlineData("how many sections does the paper have", "(1)")]
    public void A_question_about_the_papers_sections_is_answered_from_its_list_of_sections(string question, string expected)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(expected, reply.ToPlainText());
    }

    [Theory]
    [InlineData("какие страны рассматривает статья")]
    [InlineData("which country does the paper start with")]
    [InlineData("о чём вообще статья")]
    [InlineData("what is the paper about")]
    [InlineData("о чём статья и какие три страны там разбирают")]
    public void A_question_about_the_papers_countries_lists_them_with_their_sections(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains("§9 ", reply.ToPlainText());
        Assert.Contains(reply.FollowUps, f => f.Command == "/country freedonia");
    }

    [Theory]
    [InlineData("когда вышла статья?", "Выходных данных статьи")]
    [InlineData("в каком журнале опубликована статья", "Выходных данных статьи")]
    [InlineData("кто финансировал исследование авторов", "Выходных данных статьи")]
    [InlineData("кто авторы статьи", "Выходных данных статьи")]
    [InlineData("what year was the article published", "details as a publication")]
    [InlineData("who wrote this paper", "details as a publication")]
    public void A_question_about_the_paper_as_a_publication_is_told_the_text_does_not_give_it(string question, string expected)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.Contains(expected, reply.ToPlainText());
        Assert.Empty(reply.FactIds);
    }

    [Theory]
    [InlineData("what does the paper say about the budget of the beacon programme")]
    [InlineData("кто финансирует программу маяк по словам авторов")]
    public void Funding_or_publishing_of_something_the_paper_names_is_no_question_about_the_paper(string question)
    {
        Assert.DoesNotContain("Выходных данных", kb.Ask(question).ToPlainText());
        Assert.DoesNotContain("details as a publication", kb.Ask(question).ToPlainText());
    }

    [Fact]
    public void A_word_that_only_starts_like_a_section_word_is_no_section_question()
    {
        Assert.DoesNotContain("§9 Фридония", kb.Ask("какой главный порт программы маяк").ToPlainText());
    }

    [Fact]
    public void One_confidence_score_decides_and_its_threshold_is_the_only_bar()
    {
        const string question = "бюджет программы маяк";
        var reply = kb.Ask(question);
        Assert.Equal(["beacon-budget"], reply.FactIds);
        var confidence = Assert.IsType<AnswerEvidence>(reply.Evidence).Confidence;

        Assert.True(kb.Ask(question, new AnswerEngineOptions { MinConfidence = confidence }).Answered);
        var refused = kb.Ask(question, new AnswerEngineOptions { MinConfidence = Math.Min(1, confidence + 0.01) });
        Assert.False(refused.Answered);
        // A refusal keeps the evidence that decided it, for `ask --explain`.
        Assert.Equal(confidence, refused.Evidence?.Confidence);
    }

    [Fact]
    public void Confidence_grows_with_each_kind_of_evidence_and_falls_with_unknown_words()
    {
        var query = QueryAnalyser.Analyse("бюджет программы маяк", kb.Index);
        var doc = kb.Index.FindDocument("beacon-budget")!;
        double Confidence(double coverage, double predicate, double lead) =>
            AnswerConfidence.Weigh(query, new ScoredDocument(doc, coverage + lead, coverage, predicate), new ScoredDocument(doc, coverage, coverage), false).Confidence;

        Assert.True(Confidence(0.8, 0.5, 0.1) > Confidence(0.6, 0.5, 0.1));
        Assert.True(Confidence(0.6, 0.8, 0.1) > Confidence(0.6, 0.5, 0.1));
        Assert.True(Confidence(0.6, 0.5, 0.2) > Confidence(0.6, 0.5, 0.0));
        // A lead beyond the cap adds nothing: the runner-up is already far behind.
        Assert.Equal(Confidence(0.6, 0.5, AnswerConfidence.LeadCap), Confidence(0.6, 0.5, AnswerConfidence.LeadCap + 0.5), 9);

        var slang = QueryAnalyser.Analyse("бюджет программы маяк шмурдяк", kb.Index);
        Assert.True(AnswerConfidence.Weigh(slang, new ScoredDocument(doc, 0.7, 0.6, 0.5), null, false).Confidence <
            AnswerConfidence.Weigh(query, new ScoredDocument(doc, 0.7, 0.6, 0.5), null, false).Confidence);
    }

    [Theory]
    [InlineData("чем занимается остин в программе маяк", "№2 из 2: Остин — судостроение")]
    [InlineData("какой порт маяка второй", "№2 из 2: Остин — судостроение")]
    [InlineData("what does marville do in the beacon programme", "No. 1 of 2: Marville — fishing")]
    public void A_question_about_one_item_of_a_list_names_that_item_and_its_place_first(string question, string expected)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Contains(expected, reply.ToPlainText());
    }

    [Fact]
    public void A_question_about_the_whole_list_names_no_single_item()
    {
        var reply = kb.Ask("порты программы маяк и их отрасли");
        Assert.Equal(["beacon-ports"], reply.FactIds);
        Assert.DoesNotContain("№", reply.ToPlainText());
    }

    [Fact]
    public void A_year_the_found_fact_does_not_cover_is_the_paper_not_saying()
    {
        var other = kb.Ask("что было с конкурсом leading-edge во фридонии в 2015 году");
        Assert.False(other.Answered, other.ToPlainText());
        Assert.Contains("не сказано (за этот год)", other.ToPlainText());

        var same = kb.Ask("что было с конкурсом leading-edge во фридонии в 2009 году");
        Assert.Equal(["freedonia-leading-edge"], same.FactIds);
    }

    [Fact]
    public void After_the_last_year_the_found_fact_gives_the_paper_does_not_say()
    {
        Assert.False(kb.Ask("что было с конкурсом leading-edge во фридонии после 2009 года").Answered);
        Assert.Equal(["freedonia-leading-edge"], kb.Ask("что было с конкурсом leading-edge во фридонии после 2005 года").FactIds);
    }

    [Fact]
    public void How_much_asks_an_amount_that_a_list_to_count_does_not_give()
    {
        var reply = kb.Ask("how much fishing is there in the beacon ports");
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.True(kb.Ask("how many ports does the beacon programme have").Answered);
    }

    [Theory]
    [InlineData("назовите все 3 реформы программы маяк")]
    [InlineData("names of the 40 companies in the beacon programme")]
    [InlineData("названия 40 компаний программы маяк")]
    [InlineData("как называются 40 компаний программы маяк")]
    [InlineData("what are the 40 companies of the beacon programme called")]
    public void A_list_of_so_many_names_asked_of_an_entry_that_lists_none_is_the_paper_not_saying(string question)
    {
        var reply = kb.Ask(question);
        Assert.False(reply.Answered, reply.ToPlainText());
        Assert.DoesNotContain("beacon-origin", reply.FactIds);

        // A figure in a question that asks no list of names ("which programme has 40 companies") is no such request.
        Assert.Equal(["beacon-members"], kb.Ask("which programme has 40 companies").FactIds);
    }

    private IReadOnlyList<string> Terms(string question) =>
        QueryAnalyser.Analyse(question, kb.Index).Terms.Select(t => t.Stem).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_explanation_shows_the_evidence_that_decided()
    {
        var text = QueryExplainer.Explain("кто основал программу маяк", new Abstractions.KnowledgeSnapshot(kb.Index, new InMemoryCandidateSearch(kb.Index)));
        Assert.Contains("asks for: [founder]", text);
        Assert.Contains("asked", text);
        Assert.Contains("does not give: founder", text);

        var when = QueryExplainer.Explain("когда появилась программа маяк", new Abstractions.KnowledgeSnapshot(kb.Index, new InMemoryCandidateSearch(kb.Index)));
        Assert.Contains("does not give: date", when);
        var count = QueryExplainer.Explain("сколько фирм участвует в программе маяк", new Abstractions.KnowledgeSnapshot(kb.Index, new InMemoryCandidateSearch(kb.Index)));
        Assert.Contains("counts: фирм", count);
    }
}

/// <summary>A phrase of the lexicon counts in the text as in a question: "at present" in a fact meets "currently" asked.</summary>
public sealed class LexiconPhraseInTextTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Theory]
    [InlineData("what is beacon doing currently?")]
    [InlineData("what does beacon do at the moment")]
    public void A_fact_whose_text_holds_the_phrase_answers_its_synonym(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-attention"], reply.FactIds);
    }

    [Fact]
    public void The_phrase_is_indexed_as_one_key_of_its_stems()
    {
        var doc = kb.Index.FindDocument("beacon-attention")!;
        Assert.Contains(KnowledgeIndex.PhraseKey(ClusterBot.Core.Text.WordStemmer.StemAll("at present")), doc.Stems);
        Assert.DoesNotContain(KnowledgeIndex.PhraseKey(ClusterBot.Core.Text.WordStemmer.StemAll("at the moment")), doc.Stems);
    }
}

/// <summary>"What measures … to support …": the list's own noun in the plural asks for all its items.</summary>
public sealed class ListNounAskedTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    [Theory]
    [InlineData("what measures does beacon take to support its ports?")]
    [InlineData("какие меры beacon принимает, чтобы поддержать порты?")]
    public void A_word_commoner_than_the_list_noun_picks_no_item(string question)
    {
        var reply = kb.Ask(question);
        Assert.Equal(["beacon-measures"], reply.FactIds);
        Assert.DoesNotContain("1 of 2", reply.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("1 из 2", reply.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rarer_word_still_picks_its_item()
    {
        var reply = kb.Ask("what measures does beacon take for shipyards?");
        Assert.Equal(["beacon-measures"], reply.FactIds);
        Assert.Contains("No. 1 of 2", reply.ToPlainText(), StringComparison.Ordinal);
    }
}

/// <summary>A word of a place's name of several words is no common word: "United States" holds no "states" (regions).</summary>
public sealed class PlaceNameWordsTests(SmallKnowledgeWithTopic kb) : IClassFixture<SmallKnowledgeWithTopic>
{
    [Fact]
    public void The_names_common_word_is_not_indexed_but_its_other_words_are()
    {
        var doc = kb.Index.FindDocument("harbour-index-united-states")!;
        Assert.DoesNotContain(ClusterBot.Core.Text.WordStemmer.Stem("states"), doc.Stems);
        Assert.Contains(ClusterBot.Core.Text.WordStemmer.Stem("united"), doc.Stems);
    }

    [Fact]
    public void A_question_about_regions_is_not_drawn_to_the_united_states()
    {
        var reply = kb.Ask("in which regions do the harbour index's harbours lie?");
        Assert.Equal(["harbour-index-seas"], reply.FactIds);
    }
}
