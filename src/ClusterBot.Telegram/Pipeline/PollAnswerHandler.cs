using System.Globalization;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Study;
using Telegram.Bot.Types;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>
/// An answer to one of our quiz polls: checked and counted once for the user. Telegram itself shows the answerer
/// whether they were right and the explanation, so nothing is sent back.
/// </summary>
public sealed class PollAnswerHandler(QuizDesk desk, ConversationPipeline conversations, TelegramConversations telegram)
{
    public Task<ConversationOutcome> HandleAsync(int updateId, PollAnswer answer, CancellationToken cancellationToken)
    {
        // A retracted vote (no options) or a vote on behalf of a channel (no user) is no answer to score.
        if (answer.User is not { } user || answer.OptionIds.Length == 0) return Task.FromResult(ConversationOutcome.Ignored);
        var name = user.Username is { Length: > 0 } username ? "@" + username : $"{user.FirstName} {user.LastName}".Trim();
        return conversations.OnceAsync(UpdatePipeline.Platform, TelegramConversations.Id(updateId), _ =>
        {
            var verdict = desk.Answer(UpdatePipeline.Platform, answer.PollId, user.Id.ToString(CultureInfo.InvariantCulture), name, answer.OptionIds[0]);
            return Task.FromResult(verdict is { Counted: true } ? ConversationOutcome.Sent : ConversationOutcome.Ignored);
        }, cancellationToken, telegram.TakeOverUnfinished);
    }
}
