using System.Globalization;

namespace ClusterBot.Core.Answering;

/// <summary>
/// The evidence that decided whether the best match answers a question, and the one confidence score made of it.
/// </summary>
/// <param name="DocumentId">The best match.</param>
/// <param name="Coverage">The share of the question's content (weighted by rarity, unknown words included) it covers.</param>
/// <param name="Predicate">The share of what the question asks, besides the names it uses, that it speaks to.</param>
/// <param name="Lead">Its score's lead over the runner-up (0 when another reading is as good).</param>
/// <param name="SameSubject">Whether the runner-up is about the same named things, so not a rival reading.</param>
/// <param name="Unknown">The share of the question's weight in words the paper never uses.</param>
/// <param name="Matched">The absolute evidence: the rarity of what it matches, as a share of <see cref="AnswerConfidence.MatchedCap"/>.</param>
/// <param name="Named">Whether the question names one of the paper's countries, programmes, regions or topics.</param>
/// <param name="Confidence">The probability, 0..1, that the best match is a right answer.</param>
public sealed record AnswerEvidence(string DocumentId, double Coverage, double Predicate, double Lead, bool SameSubject, double Unknown, double Matched, bool Named, double Confidence)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{DocumentId}: confidence {Confidence:F2} (coverage {Coverage:F2}, asked {Predicate:F2}, lead {Lead:F2}, same subject {(SameSubject ? "yes" : "no")}, unknown {Unknown:F2}, matched {Matched:F2}, named {(Named ? "yes" : "no")})");
}

/// <summary>
/// One confidence score for the best match, instead of a bar per measure: a logistic model over the evidence, fitted on
/// the development questions (tools/calibrate.py) against whether the best match was a right answer. Its threshold is
/// <see cref="AnswerEngineOptions.MinConfidence"/>, chosen on the same questions.
/// </summary>
public static class AnswerConfidence
{
    /// <summary>A lead beyond this says nothing more: the runner-up is already far behind.</summary>
    public const double LeadCap = 0.3;

    /// <summary>Matched rarity beyond this (two or three rare words) is plenty: one common word is not.</summary>
    public const double MatchedCap = 8;

    // Fitted weights (tools/calibrate.py prints them): how much each measure moves the log-odds of a right answer.
    private const double Bias = -1.6;
    private const double CoverageWeight = 1.31;
    private const double PredicateWeight = 1.85;
    private const double LeadWeight = 0.43;
    private const double SameSubjectWeight = 0.07;
    private const double UnknownWeight = -0.46;
    private const double MatchedWeight = 0.53;
    private const double NamedWeight = 0.15;

    public static AnswerEvidence Weigh(QueryAnalysis query, ScoredDocument best, ScoredDocument? runnerUp, bool sameSubject)
    {
        var lead = Math.Clamp(best.Score - (runnerUp?.Score ?? 0), 0, LeadCap);
        var total = query.Terms.Where(t => !query.IsClaim(t)).Sum(t => t.Weight);
        var unknown = total > 0 ? query.Terms.Where(t => !t.Known && !query.IsClaim(t)).Sum(t => t.Weight) / total : 0;
        var named = query.EntityIds.Count > 0;
        var matched = Math.Min(best.Matched, MatchedCap) / MatchedCap;
        var logit = Bias + CoverageWeight * Math.Min(best.Coverage, 1) + PredicateWeight * best.Predicate + LeadWeight * lead +
            (sameSubject ? SameSubjectWeight : 0) + UnknownWeight * unknown + MatchedWeight * matched + (named ? NamedWeight : 0);
        return new AnswerEvidence(best.Document.Id, best.Coverage, best.Predicate, lead, sameSubject, unknown, matched, named, 1 / (1 + Math.Exp(-logit)));
    }
}
