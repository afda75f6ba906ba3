using System.Collections.Concurrent;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Operations;

namespace ClusterBot.Core.Conversations;

/// <summary>
/// Questions typed but not sent (Telegram inline mode asks anew on every keystroke). One burst of typing is one
/// question: its first draft passes the flood guard for the whole burst, every draft is answered, and only the last
/// draft is recorded (metrics, question log), once the user has stopped typing for <see cref="Settle"/>. So "t", "to",
/// "tor", "torch" is one question about "torch", and a user who floods gets paused like anyone else.
/// </summary>
public sealed class DraftQuestions : IDisposable
{
    /// <summary>How long after the last keystroke a burst is over and its last draft recorded.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<(string Platform, string User), Burst> _bursts = new();
    private readonly IConversationMonitor _monitor;
    private readonly TimeProvider _time;
    private readonly ITimer _sweep;

    public DraftQuestions(IConversationMonitor monitor, TimeProvider time)
    {
        _monitor = monitor;
        _time = time;
        _sweep = time.CreateTimer(_ => Sweep(), null, Settle, Settle);
    }

    /// <summary>The flood verdict for a draft: the burst's, taken from the guard when the draft starts a burst.</summary>
    internal FloodVerdict Admit(IncomingMessage draft)
    {
        if (draft.UserId is null) return FloodVerdict.Allowed;
        var now = _time.GetUtcNow();
        var key = (draft.Platform, draft.UserId);
        if (_bursts.TryGetValue(key, out var open) && now - open.LastAt < Settle)
        {
            open.LastAt = now;
            // The notice was given with the burst's first draft; the rest of the burst stays quiet.
            return open.Verdict == FloodVerdict.Notice ? FloodVerdict.Silent : open.Verdict;
        }

        if (open is not null) Record(key, open);
        var verdict = _monitor.Admit(draft.Platform, draft.UserId);
        _bursts[key] = new Burst(verdict, now);
        return verdict;
    }

    /// <summary>Notes a draft's answer as the burst's latest; it is recorded when the burst is over.</summary>
    internal void Answered(IncomingMessage draft, Reply reply, TimeSpan elapsed)
    {
        if (draft.UserId is null)
        {
            _monitor.Answered(draft, reply, elapsed);
            return;
        }

        if (_bursts.TryGetValue((draft.Platform, draft.UserId), out var burst)) burst.Latest = (draft, reply, elapsed);
    }

    /// <summary>Records every burst that has settled.</summary>
    public void Sweep()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, burst) in _bursts)
        {
            if (now - burst.LastAt >= Settle) Record(key, burst);
        }
    }

    private void Record((string, string) key, Burst burst)
    {
        if (!_bursts.TryRemove(new KeyValuePair<(string, string), Burst>(key, burst))) return;
        if (burst.Latest is var (draft, reply, elapsed) && reply is not null) _monitor.Answered(draft!, reply, elapsed);
    }

    public void Dispose() => _sweep.Dispose();

    private sealed class Burst(FloodVerdict verdict, DateTimeOffset at)
    {
        public FloodVerdict Verdict { get; } = verdict;

        public DateTimeOffset LastAt { get; set; } = at;

        public (IncomingMessage? Draft, Reply? Reply, TimeSpan Elapsed) Latest { get; set; }
    }
}
