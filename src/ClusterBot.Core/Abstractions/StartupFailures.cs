namespace ClusterBot.Core.Abstractions;

/// <summary>One part of the bot that could not start, and the one line that says why (already logged).</summary>
public sealed record StartupFailure(string Component, string Reason);

/// <summary>
/// Start-up failures that a component has already reported in its own clear log line. A component records
/// its failure here and stops the application instead of throwing out of its hosted service's StartAsync:
/// the host would log a thrown exception a second time, with a stack trace. The entry point reads this after
/// the host has stopped to choose the exit code.
/// </summary>
public sealed class StartupFailures
{
    private readonly object _gate = new();
    private readonly List<StartupFailure> _failures = [];

    public void Add(string component, string reason)
    {
        lock (_gate) _failures.Add(new StartupFailure(component, reason));
    }

    public bool Any
    {
        get
        {
            lock (_gate) return _failures.Count > 0;
        }
    }

    public IReadOnlyList<StartupFailure> All
    {
        get
        {
            lock (_gate) return [.. _failures];
        }
    }
}
