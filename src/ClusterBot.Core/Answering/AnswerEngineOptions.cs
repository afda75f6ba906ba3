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

    /// <summary>
    /// Least confidence (<see cref="AnswerConfidence"/>: the fitted probability that the best match is right) for it to be
    /// given as the answer; below it the reply says no confident answer was found and offers the closest matches.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.63;
}

/// <summary>Checks the attributes on <see cref="AnswerEngineOptions"/> with generated code: no reflection over the options type.</summary>
[OptionsValidator]
internal sealed partial class AnswerEngineOptionsValidation : IValidateOptions<AnswerEngineOptions>;
