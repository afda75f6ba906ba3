using System.Globalization;
using ClusterBot.Core.Study;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// An answer to one of our quiz polls: checked and counted once for the user. Telegram itself shows the answerer
/// whether they were right and the explanation, so nothing is sent back.
/// </summary>
public sealed class PollAnswerHandler(QuizDesk desk)
{
    public Task<string> HandleAsync(PollAnswer answer)
    {
        // A retracted vote (no options) or a vote on behalf of a channel (no user) is no answer to score.
        if (answer.User is not { } user || answer.OptionIds.Length == 0) return Task.FromResult(Outcomes.Ignored);
        var name = user.Username is { Length: > 0 } username ? "@" + username : $"{user.FirstName} {user.LastName}".Trim();
        var verdict = desk.Answer("telegram", answer.PollId, user.Id.ToString(CultureInfo.InvariantCulture), name, answer.OptionIds[0]);
        return Task.FromResult(verdict is { Counted: true } ? Outcomes.Sent : Outcomes.Ignored);
    }
}
