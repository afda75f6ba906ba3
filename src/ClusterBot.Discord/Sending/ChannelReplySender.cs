using ClusterBot.Core.Conversations;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Sending;

/// <summary>
/// A reply to a message in a channel: posted in parts, the first quoting the question, each with a nonce Discord
/// enforces, so a retry after a 5xx that Discord had already acted on does not post the part twice.
/// </summary>
public sealed partial class ChannelReplySender(IDiscordRest rest, ILogger<ChannelReplySender> logger)
{
    internal async Task SendAsync(InboundMessage question, RenderedReply rendered, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < rendered.Messages.Count; i++)
            {
                var last = i == rendered.Messages.Count - 1;
                await rest.CreateMessageAsync(question.ChannelId, new MessagePayload(
                    rendered.Messages[i],
                    AllowedMentions.None,
                    // Only the first part quotes the question; the rest follow it.
                    i == 0 ? new MessageReference(question.Id, question.ChannelId, question.GuildId, FailIfNotExists: false) : null,
                    last && rendered.Components.Count > 0 ? rendered.Components : null,
                    MessageNonce.For(question.Id, i),
                    EnforceNonce: true,
                    Files: i == 0 ? rendered.Files : null), cancellationToken);
            }
        }
        catch (DiscordRestException ex) when (ex is not DiscordUnauthorizedException)
        {
            throw Refused(logger, question.Id, ex);
        }
    }

    /// <summary>Discord refused (permissions, a deleted channel …): a replay would be refused too, so it is failed, not retried.</summary>
    internal static ReplyNotDeliveredException Refused(ILogger logger, string updateId, DiscordRestException ex)
    {
        LogReplyRefused(logger, updateId, ex.Message);
        return new ReplyNotDeliveredException(ex.Message, ex);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the reply to {UpdateId}: {Problem}")]
    private static partial void LogReplyRefused(ILogger logger, string updateId, string problem);
}
