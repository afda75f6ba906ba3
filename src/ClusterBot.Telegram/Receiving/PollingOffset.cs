using ClusterBot.Core.Conversations;

namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Which fetched updates are done, and so the getUpdates offset that acknowledges them. Telegram confirms
/// every update below the offset, so it stays at the oldest update still in hand (or handed back at shutdown);
/// updates above it are fetched again on every call, and are recognised here so none is handled twice.
/// </summary>
public sealed class PollingOffset
{
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _unfinished = [];
    private readonly HashSet<int> _done = [];
    private int? _highest;
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The offset for the next getUpdates call; null before any update was seen.</summary>
    public int? Next
    {
        get
        {
            lock (_gate) return NextLocked();
        }
    }

    /// <summary>Updates taken and not finished yet.</summary>
    public int InHand
    {
        get
        {
            lock (_gate) return _unfinished.Count;
        }
    }

    /// <summary>True once an update was handed back (shutdown): nothing past it may be acknowledged.</summary>
    public bool AnyHandedBack { get; private set; }

    /// <summary>Notes the highest id of a getUpdates answer, readable or not.</summary>
    public void Seen(int? highestId)
    {
        if (highestId is not { } id) return;
        lock (_gate) _highest = _highest is { } h ? Math.Max(h, id) : id;
    }

    /// <summary>Takes an update to handle; false when it is already in hand or done (fetched again).</summary>
    public bool TryTake(int updateId)
    {
        lock (_gate)
        {
            if (updateId < (NextLocked() ?? int.MinValue) && !_unfinished.Contains(updateId)) return false;
            if (_unfinished.Contains(updateId) || _done.Contains(updateId)) return false;
            _unfinished.Add(updateId);
            return true;
        }
    }

    /// <summary>Records how a taken update ended; an interrupted one stays unacknowledged for redelivery.</summary>
    public void Finish(int updateId, ConversationOutcome outcome)
    {
        TaskCompletionSource progress;
        lock (_gate)
        {
            if (outcome == ConversationOutcome.Interrupted)
            {
                AnyHandedBack = true;
            }
            else
            {
                _unfinished.Remove(updateId);
                _done.Add(updateId);
                // What lies below the offset is never fetched again, so it need not be remembered.
                if (NextLocked() is { } next) _done.RemoveWhere(id => id < next);
            }

            progress = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        progress.TrySetResult();
    }

    /// <summary>Waits until some update finishes, at most <paramref name="atMost"/>.</summary>
    public async Task WaitForProgressAsync(TimeSpan atMost, TimeProvider time, CancellationToken cancellationToken)
    {
        Task progress;
        lock (_gate) progress = _progress.Task;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(atMost, time, stop.Token);
        await Task.WhenAny(progress, delay);
        await stop.CancelAsync();
    }

    private int? NextLocked() =>
        _unfinished.Count > 0 ? _unfinished.Min : _highest is { } h ? h + 1 : null;
}
