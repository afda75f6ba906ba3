using System.Threading.Channels;
using ClusterBot.Discord.Gateway;

namespace ClusterBot.Discord.Adapter;

/// <summary>
/// Handles dispatch events off the gateway's receive loop (so a slow reply never delays heartbeat ACKs), in a
/// few lanes keyed by channel: events of one channel are handled in order, different channels side by side.
/// </summary>
internal sealed class DispatchLanes : IAsyncDisposable
{
    private readonly Channel<GatewayDispatch>[] _lanes;
    private readonly Task[] _workers;

    public DispatchLanes(int count, Func<GatewayDispatch, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        _lanes = new Channel<GatewayDispatch>[count];
        _workers = new Task[count];
        for (var i = 0; i < count; i++)
        {
            var lane = _lanes[i] = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true });
            _workers[i] = Task.Run(async () =>
            {
                await foreach (var dispatch in lane.Reader.ReadAllAsync(cancellationToken))
                {
                    await handle(dispatch, cancellationToken);
                }
            }, cancellationToken);
        }
    }

    public void Post(GatewayDispatch dispatch)
    {
        var key = ChannelOf(dispatch) ?? "";
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_lanes.Length);
        _lanes[lane].Writer.TryWrite(dispatch);
    }

    private static string? ChannelOf(GatewayDispatch dispatch) =>
        dispatch.Data.ValueKind != System.Text.Json.JsonValueKind.Object ? null
            : dispatch.Data.Str("channel_id") ?? (dispatch.Data.TryGetProperty("channel", out var c) ? c.Str("id") : null);

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes) lane.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: unhandled events are dropped, and their ledger claims stay open for a redelivery.
        }
    }
}
