namespace ClusterBot.Discord.Gateway;

/// <summary>
/// What a resume needs, shared between the receive loop (which updates it) and the heartbeat loop (which reads
/// the last sequence number), so it is kept thread-safe.
/// </summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;
    private volatile string? _sessionId;
    private volatile Uri? _resumeUrl;

    public string? SessionId => _sessionId;

    public Uri? ResumeUrl => _resumeUrl;

    /// <summary>The last sequence number received, or null before the first dispatch.</summary>
    public long? Sequence => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;

    public bool CanResume => _sessionId is not null && _resumeUrl is not null;

    public void Ready(string sessionId, Uri? resumeUrl)
    {
        _sessionId = sessionId;
        _resumeUrl = resumeUrl;
    }

    public void Observe(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Clear()
    {
        _sessionId = null;
        _resumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
