using System.Net.WebSockets;

namespace ClusterBot.Discord.Gateway.Protocol;

/// <summary>
/// The heartbeat of one connection: a jittered first beat, then one every interval; a beat still unacknowledged
/// when the next is due means the connection is a zombie, and <c>onZombie</c> runs instead of the beat.
/// </summary>
internal sealed class Heartbeat(TimeSpan interval, TimeProvider time, Random random, Func<CancellationToken, Task> sendBeat)
{
    private volatile bool _ackReceived = true;
    private volatile bool _zombie;

    public TimeSpan Interval => interval;

    /// <summary>True once a beat went unacknowledged for a whole interval.</summary>
    public bool IsZombie => _zombie;

    public void Acknowledged() => _ackReceived = true;

    /// <summary>A beat now (Discord asked for one, op 1); the regular schedule carries on.</summary>
    public Task BeatAsync(CancellationToken cancellationToken)
    {
        _ackReceived = false;
        return sendBeat(cancellationToken);
    }

    /// <summary>Beats until cancelled or until the connection turns out to be a zombie.</summary>
    public async Task RunAsync(Func<Task> onZombie, CancellationToken cancellationToken)
    {
        try
        {
            // Jittered first beat, as Discord asks, so reconnecting clients don't beat in lockstep.
            await Task.Delay(interval * random.NextDouble(), time, cancellationToken);
            while (true)
            {
                if (!_ackReceived)
                {
                    _zombie = true;
                    await onZombie();
                    return;
                }

                // Armed before the beat goes out, so the schedule never depends on how fast the send returns.
                var next = Task.Delay(interval, time, cancellationToken);
                await BeatAsync(cancellationToken);
                await next;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop owns the connection's fate; a failed beat shows up there as a broken socket.
        }
    }
}
