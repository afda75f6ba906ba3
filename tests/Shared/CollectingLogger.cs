using Microsoft.Extensions.Logging;

namespace ClusterBot.Testing;

/// <summary>A logger that keeps every formatted line, so a test can check what was (or was not) logged.</summary>
public sealed class CollectingLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines) Lines.Add(formatter(state, exception));
    }
}
