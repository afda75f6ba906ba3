namespace ClusterBot.Telegram.Receiving;

/// <summary>
/// Work queued per chat: one chat's items run one after another, in the order posted (a conversation reads
/// as it was typed); different chats run side by side, at most a given number at once. Posting never waits,
/// so the receiver keeps fetching while a chat waits out its flood allowance.
/// </summary>
public sealed class ChatLanes
{
    private readonly Dictionary<long, Queue<Func<Task>>> _queues = [];
    private readonly Lock _gate = new();
    // Never disposed: a lane's last Release may come after the receiver has moved on, and without its wait
    // handle a SemaphoreSlim holds nothing to free.
    private readonly SemaphoreSlim _slots;
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    public ChatLanes(int maxConcurrentChats) => _slots = new SemaphoreSlim(maxConcurrentChats);

    /// <summary>Queues work for a chat. The work must not throw: it is the caller's to record its own failure.</summary>
    public void Post(long chat, Func<Task> work)
    {
        lock (_gate)
        {
            if (_pending++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_queues.TryGetValue(chat, out var queue))
            {
                // The chat's lane is already running; it picks this up after what came before.
                queue.Enqueue(work);
                return;
            }

            _queues[chat] = new Queue<Func<Task>>([work]);
        }

        _ = Task.Run(() => DrainAsync(chat), CancellationToken.None);
    }

    /// <summary>Completes once everything posted so far has run.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate) return _idle.Task;
    }

    private async Task DrainAsync(long chat)
    {
        await _slots.WaitAsync(CancellationToken.None);
        try
        {
            while (true)
            {
                Func<Task> next;
                lock (_gate)
                {
                    var queue = _queues[chat];
                    if (queue.Count == 0)
                    {
                        _queues.Remove(chat);
                        return;
                    }

                    next = queue.Dequeue();
                }

                try
                {
                    await next();
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
