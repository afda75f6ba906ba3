using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Answering;

/// <summary>Bound from the `Bot` configuration section.</summary>
public sealed class AnswerEngineOptions
{
    public const string SectionName = "Bot";

    /// <summary>Reply language when neither the chat, the question nor the user shows one: "ru" or "en".</summary>
    [RegularExpression("^(ru|en)$", ErrorMessage = "Bot:DefaultLanguage must be 'ru' or 'en'.")]
    public string DefaultLanguage { get; set; } = "ru";

    /// <summary>
    /// The bot's name where no platform tells it (the console chat, `ask`): "/help@ClusterBot" is for us,
    /// "/help@OtherBot" is not. On Telegram and Discord the platform's own username is used.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_]{1,32}$", ErrorMessage = "Bot:Username must be 1–32 letters, digits or underscores.")]
    public string Username { get; set; } = "ClusterBot";

    /// <summary>Longest question accepted, in characters.</summary>
    [Range(16, 4000)]
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>Least share of a question's content a fact must cover to be given as the answer.</summary>
    [Range(0.1, 1.0)]
    public double MinCoverage { get; set; } = 0.55;

    /// <summary>
    /// Least share of what the question asks (its words besides the names it uses, unknown ones included) that the
    /// answer must speak to: below it the question asks something the paper does not say of the thing named.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinPredicate { get; set; } = 0.5;

    /// <summary>A lead over the runner-up this large answers even just under the coverage and predicate bars.</summary>
    [Range(0.0, 2.0)]
    public double ClearLead { get; set; } = 0.15;

    /// <summary>Least lead of the best match over the runner-up, unless the best match is near-certain.</summary>
    [Range(0.0, 1.0)]
    public double MinGap { get; set; } = 0.02;
}

/// <summary>Checks the attributes on <see cref="AnswerEngineOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class AnswerEngineOptionsValidation : IValidateOptions<AnswerEngineOptions>;
