using ClusterBot.Core.Answering;
using ClusterBot.Core.Text;

namespace ClusterBot.Core.Tests.Answering;

/// <summary>What a yes/no question is answered with: yes only for a claim the fact states, no for one it denies, neither otherwise.</summary>
public sealed class YesNoQuestionTests(SmallKnowledgeWithClaims kb) : IClassFixture<SmallKnowledgeWithClaims>
{
    private static readonly string[] Verdicts = ["Да.", "Нет.", "Yes.", "No."];

    [Theory]
    [InlineData("программа маяк появилась после реформы портов?", "Да.")]
    [InlineData("did the beacon programme appear after the reform of the ports?", "Yes.")]
    [InlineData("программа маяк появилась после реформы портов или нет?", "Да.")]
    [InlineData("does beacon build new ports?", "No.")]
    [InlineData("маяк строит новые порты?", "Нет.")]
    [InlineData("программу маяк планировали снизу вверх?", "Нет.")]
    [InlineData("was the beacon programme planned bottom-up?", "No.")]
    [InlineData("are beacon's ports managed by a local agency?", "No.")]
    [InlineData("порты маяка управляются местным ведомством?", "Нет.")]
    [InlineData("are beacon's ports managed by a central agency?", "Yes.")]
    [InlineData("is north light number one?", "Yes.")]
    [InlineData("is south light number one?", "No.")]
    [InlineData("климат может повлиять на выбор порта маяка?", "Да.")]
    [InlineData("beacon: did the programme appear after the reform of the ports?", "Yes.")]
    [InlineData("does nearness to fisheries matter when choosing where to put a beacon port?", "Yes.")]
    [InlineData("марвилл это судостроение?", "Нет.")]
    [InlineData("beacon: do most initiatives come from local authorities?", "No.")]
    [InlineData("большинство инициатив beacon исходит от местных властей?", "Нет.")]
    [InlineData("marville is shipbuilding?", "No.")]
    [InlineData("marville is fishing?", "Yes.")]
    [InlineData("могут ли местные власти участвовать в инициативах beacon?", "Да.")]
    [InlineData("причалы маяка возводили только местные власти?", "Нет.")]
    [InlineData("were beacon's piers erected purely by local authorities?", "No.")]
    // What an "only" claims alone, the fact joins to another, whatever kind of word it is.
    [InlineData("интерес к маяку проявляют только моряки?", "Нет.")]
    [InlineData("do only sailors show interest in the beacon programme?", "No.")]
    [InlineData("were beacon's piers erected by local authorities?", "Yes.")]
    [InlineData("marville is fishing right", "Yes.")]
    [InlineData("число компаний в программе маяк 40 да", "Да.")]
    [InlineData("число компаний в программе маяк 50 да", "Нет.")]
    [InlineData("у программы маяк семь портов?", "Нет.")]
    [InlineData("does the beacon programme have five ports?", "No.")]
    [InlineData("порт на отмели строить сложнее?", "Да.")]
    [InlineData("порт на отмели строить легче, чем в глубокой гавани?", "Нет.")]
    [InlineData("порт в глубокой гавани строить легче?", "Да.")]
    [InlineData("is a port on a shoal easier to build than one in a deep harbour?", "No.")]
    [InlineData("is a port on a shoal harder to build?", "Yes.")]
    [InlineData("порты маяка — это марвилл и остин?", "Да.")]
    [InlineData("марвилл и остин — это судостроение?", "Нет.")]
    [InlineData("марвилл — рыболовство, а остин — судостроение?", "Да.")]
    [InlineData("is marville shipbuilding and austin fishing?", "No.")]
    [InlineData("beacon — это программа марвилии?", "Нет.")]
    [InlineData("is beacon a programme of marvilia?", "No.")]
    [InlineData("the beacon programme appeared after the reform of the ports, right?", "Yes.")]
    [InlineData("программа маяк появилась после реформы портов, верно?", "Да.")]
    [InlineData("beacon's budget is 15 million euros, correct?", "No.")]
    [InlineData("число компаний в программе маяк 40 правда", "Да.")]
    [InlineData("the number of companies in the beacon programme is 40, right?", "Yes.")]
    // "Other carrier companies" names what all the items are: "company" names no item of its own.
    [InlineData("is acme a carrier company served by beacon ports?", "Yes.")]
    // Of the facts of the piers, the one that states the figure decides.
    [InlineData("причалы beacon 35 правда?", "Да.")]
    [InlineData("причалы beacon 40 правда?", "Нет.")]
    // Each word of the claim is in the sentence or in its translation: the question mixes the languages.
    [InlineData("программа маяк появилась после reform портов?", "Да.")]
    public void A_claim_the_fact_states_or_denies_gets_yes_or_no(string question, string verdict)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(verdict, reply.ToPlainText());
    }

    [Theory]
    [InlineData("программа маяк появилась после реформы компаний?", "Прямо статья этого не утверждает")]
    [InlineData("did the beacon programme appear after the reform of the companies?", "The paper does not say that in so many words")]
    [InlineData("do companies manage beacon's ports?", "The paper does not say that in so many words")]
    [InlineData("климат выбирают по разным причинам для маяка?", "Прямо статья этого не утверждает")]
    // A fact that states no figure at all does not speak of the one claimed.
    [InlineData("фридония переняла опыт 3 стран?", "Прямо статья этого не утверждает")]
    public void A_claim_with_a_word_the_fact_does_not_state_is_neither_confirmed_nor_denied(string question, string lead)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.StartsWith(lead, reply.ToPlainText());
    }

    [Theory]
    [InlineData("программу маяк планировали сверху вниз или снизу вверх?")]
    [InlineData("was the beacon programme planned top-down or bottom-up?")]
    [InlineData("с кем планировали программу маяк?")]
    [InlineData("кого поддерживает программа маяк?")]
    public void A_question_offering_a_choice_or_asking_who_gets_no_verdict(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.DoesNotContain(Verdicts, v => reply.ToPlainText().StartsWith(v, StringComparison.Ordinal));
        Assert.DoesNotContain("Прямо статья", reply.ToPlainText());
    }

    [Theory]
    [InlineData("сверху вниз или снизу вверх", false)]
    [InlineData("это так или нет", true)]
    [InlineData("top-down or not", true)]
    public void Or_offers_a_choice_unless_it_is_or_not(string text, bool yesNo)
    {
        Assert.Equal(yesNo, YesNoQuestion.Detect(text + "?", TextNormaliser.Tokenise(text), Intent.None));
    }

    [Theory]
    [InlineData("BEACON запустили в 90-х?", true)]
    [InlineData("beacon ports?", false)]
    public void A_russian_question_without_a_question_word_is_a_claim_whatever_name_opens_it(string text, bool yesNo)
    {
        Assert.Equal(yesNo, YesNoQuestion.Detect(text, TextNormaliser.Tokenise(text), Intent.None));
    }

    [Theory]
    [InlineData("does nearness to fisheries matter when choosing where to put a port", true)]
    [InlineData("is beacon what freedonia uses when it builds ports", true)]
    [InlineData("do you know what beacon is", false)]
    [InlineData("does beacon build ports or piers", false)]
    public void An_auxiliary_opening_the_question_makes_a_claim_of_it_whatever_question_word_follows(string text, bool yesNo)
    {
        Assert.Equal(yesNo, YesNoQuestion.Detect(text + "?", TextNormaliser.Tokenise(text), Intent.None));
    }

    [Theory]
    [InlineData("beacon's budget is 15 million euros, right?", true)]
    [InlineData("бюджет маяка 15 миллионов, да?", true)]
    [InlineData("бюджет маяка 15 миллионов — правда?", true)]
    [InlineData("бюджет маяка 15 миллионов правда", true)]
    [InlineData("beacon ports?", false)]
    [InlineData("what is beacon, right?", false)]
    public void A_tag_closing_a_claim_asks_to_confirm_it(string text, bool yesNo)
    {
        Assert.Equal(yesNo, YesNoQuestion.Detect(text, TextNormaliser.Tokenise(text), Intent.None));
    }

    [Fact]
    public void A_programme_claimed_of_a_region_it_is_not_of_is_denied_with_whose_it_is()
    {
        var text = kb.Ask("beacon — это программа марвилии?").ToPlainText();
        Assert.StartsWith("Нет.", text);
        Assert.Contains("Фридония", text);
    }

    [Fact]
    public void A_confirmation_tag_is_no_word_of_the_claim()
    {
        Assert.DoesNotContain(QueryAnalyser.Analyse("beacon's budget is 15 million euros, right?", kb.Index).Terms, t => t.Stem == "right");
    }

    [Theory]
    [InlineData("фонд маяков beacon появился в 80-е годы?", true)]
    [InlineData("did the lighthouse fund appear in those years?", true)]
    [InlineData("в какие годы появился фонд маяков?", false)]
    [InlineData("when did the lighthouse fund appear?", false)]
    public void A_time_word_without_a_question_word_is_part_of_a_claim(string text, bool yesNo)
    {
        Assert.Equal(yesNo, YesNoQuestion.Detect(text, TextNormaliser.Tokenise(text), IntentDetector.Detect(TextNormaliser.Tokenise(text))));
    }
}

/// <summary>"Is Delhi the sole leader?": a place the paper names beside another in a topic's fact is asked of, and denied.</summary>
public sealed class SoleClaimTests(SmallKnowledgeWithLeague kb) : IClassFixture<SmallKnowledgeWithLeague>
{
    [Theory]
    [InlineData("is delhi the sole leader of the harbour league?", "No.")]
    [InlineData("дели — единоличный лидер лиги гаваней?", "Нет.")]
    public void One_named_alone_where_the_fact_joins_another_is_denied(string question, string no)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["harbour-league-leaders"], reply.FactIds);
        Assert.StartsWith(no, reply.ToPlainText(), StringComparison.Ordinal);
    }
}

/// <summary>A claim of one side of a scale in a word the paper does not use finds the fact that states the other side.</summary>
public sealed class OppositeSideTests(SmallKnowledgeWithAsides kb) : IClassFixture<SmallKnowledgeWithAsides>
{
    [Theory]
    [InlineData("is the fish from beacon's ports sold on the domestic market?")]
    [InlineData("рыбу из портов beacon продают на внутреннем рынке?")]
    public void The_fact_of_the_other_side_answers(string question)
    {
        var reply = kb.Ask(question);
        Assert.True(reply.Answered, reply.ToPlainText());
        Assert.Equal(["beacon-fish-export"], reply.FactIds);
    }

    [Fact]
    public void Only_a_yes_no_question_reads_the_word_as_its_opposite()
    {
        Assert.DoesNotContain(QueryAnalyser.Analyse("what does beacon sell on the domestic market", kb.Index).Terms, t => t.Known && t.Stem == "domest");
    }
}
