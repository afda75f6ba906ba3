namespace ClusterBot.Core.Conversations;

/// <summary>
/// Work queued per conversation: one conversation's items run one after another, in the order posted (a chat reads as
/// it was typed); different conversations run side by side, at most a given number at once. Posting never waits, so
/// whoever posts (a receiver, a gateway's receive loop) keeps going while one chat waits out its flood allowance.
/// </summary>
public sealed class ConversationLanes<TKey> where TKey : notnull
{
    private readonly Dictionary<TKey, Queue<Func<Task>>> _queues = [];
    private readonly Lock _gate = new();
    // Never disposed: a lane's last Release may come after the owner has moved on, and without its wait
    // handle a SemaphoreSlim holds nothing to free.
    private readonly SemaphoreSlim _slots;
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    public ConversationLanes(int maxConcurrent) => _slots = new SemaphoreSlim(maxConcurrent);

    /// <summary>Items posted and not finished yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _pending;
        }
    }

    /// <summary>Queues work for a conversation. The work must not throw: recording its own failure is its job.</summary>
    public void Post(TKey conversation, Func<Task> work)
    {
        lock (_gate)
        {
            if (_pending++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_queues.TryGetValue(conversation, out var queue))
            {
                // The conversation's lane is already running; it picks this up after what came before.
                queue.Enqueue(work);
                return;
            }

            _queues[conversation] = new Queue<Func<Task>>([work]);
        }

        _ = Task.Run(() => DrainAsync(conversation), CancellationToken.None);
    }

    /// <summary>Completes once everything posted so far has run.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return _idle.Task;
    }

    private async Task DrainAsync(TKey conversation)
    {
        await _slots.WaitAsync(CancellationToken.None);
        try
        {
            while (true)
            {
                Func<Task> next;
                lock (_gate)
                {
                    var queue = _queues[conversation];
                    if (queue.Count == 0)
                    {
                        _queues.Remove(conversation);
                        return;
                    }

                    next = queue.Dequeue();
                }

                try
                {
                    await next();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The work records its own failure; one that escapes must not stop the lane behind it.
                }
                finally
                {
                    lock (_gate)
                    {
                        if (--_pending == 0) _idle.TrySetResult();
                    }
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}
