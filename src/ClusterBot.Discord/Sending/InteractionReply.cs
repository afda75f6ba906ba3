using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord.Sending;

/// <summary>Opens the reply to an interaction as the interaction arrives, so that its deferral clock starts then.</summary>
public sealed class InteractionReplySender(IDiscordRest rest, IOptions<DiscordOptions> options, TimeProvider time, ILogger<InteractionReplySender> logger)
{
    internal InteractionReply Begin(InboundInteraction interaction, CancellationToken cancellationToken) =>
        new(rest, options.Value.ApplicationId, interaction, time, logger, cancellationToken);
}

/// <summary>
/// The reply to one interaction (a slash command, a follow-up button). Discord wants an answer within 3 s: past
/// <see cref="DeferAfter"/> without one, the response is deferred (type 5) and the answer later edits it in. An
/// interaction must be answered with something, even when the core had nothing to say.
/// </summary>
internal sealed class InteractionReply : IAsyncDisposable
{
    /// <summary>Past this an interaction is deferred (type 5) so Discord's 3 s window is never missed.</summary>
    internal static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    private readonly IDiscordRest _rest;
    private readonly string _applicationId;
    private readonly InboundInteraction _interaction;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopDeferral;
    private readonly Task<bool> _deferral;

    public InteractionReply(IDiscordRest rest, string applicationId, InboundInteraction interaction, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        _rest = rest;
        _applicationId = applicationId;
        _interaction = interaction;
        _logger = logger;
        _stopDeferral = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _deferral = DeferLaterAsync(time, _stopDeferral.Token, cancellationToken);
    }

    public bool Responded { get; private set; }

    public async Task SendAsync(RenderedReply rendered, CancellationToken cancellationToken)
    {
        await _stopDeferral.CancelAsync();
        var deferred = await _deferral;
        var messages = rendered.Messages.Count > 0 ? rendered.Messages : ["…"];
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var last = i == messages.Count - 1;
                var payload = new MessagePayload(messages[i], AllowedMentions.None, null, last && rendered.Components.Count > 0 ? rendered.Components : null,
                    Files: i == 0 ? rendered.Files : null);
                if (i > 0)
                {
                    await _rest.CreateFollowupMessageAsync(_applicationId, _interaction.Token, payload, cancellationToken);
                }
                else if (deferred)
                {
                    await _rest.EditOriginalInteractionResponseAsync(_applicationId, _interaction.Token, payload, cancellationToken);
                }
                else
                {
                    await _rest.CreateInteractionResponseAsync(_interaction.Id, _interaction.Token,
                        new InteractionCallback(InteractionCallback.ChannelMessageWithSource, payload), cancellationToken);
                }

                Responded = true;
            }
        }
        catch (DiscordRestException ex) when (ex is not DiscordUnauthorizedException)
        {
            throw ChannelReplySender.Refused(_logger, _interaction.Id, ex);
        }
    }

    /// <summary>The obligatory answer when the core said nothing (a command for another bot, a paused user).</summary>
    public Task SendNothingAsync(CancellationToken cancellationToken) =>
        Responded ? Task.CompletedTask : SendAsync(new RenderedReply([], []), cancellationToken);

    private async Task<bool> DeferLaterAsync(TimeProvider time, CancellationToken stop, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(DeferAfter, time, stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        await _rest.CreateInteractionResponseAsync(_interaction.Id, _interaction.Token,
            new InteractionCallback(InteractionCallback.DeferredChannelMessageWithSource), cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopDeferral.CancelAsync();
        try
        {
            await _deferral;
        }
        catch (Exception e) when (e is OperationCanceledException or DiscordRestException or HttpRequestException)
        {
            // A deferral that failed on the way out: the interaction is over anyway.
        }

        _stopDeferral.Dispose();
    }
}
