using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClusterBot.Hosting;

/// <summary>
/// The console logger provider of a tool command, made when a message is first written rather than when the first logger
/// is: a command mostly logs nothing, and the container making the provider, its three formatters and their options
/// by reflection was a tenth of a cold `ask` under Native AOT. Until then its loggers only pass the call on.
/// </summary>
/// <remarks>
/// Named "Console" like the console provider, so the `Logging:Console` filter rules reach it; the provider it makes is
/// the container's own, with its options and formatters as AddConsole configured them.
/// </remarks>
[ProviderAlias("Console")]
internal sealed class DeferredConsoleLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly Lazy<ConsoleLoggerProvider> _console;
    private IExternalScopeProvider? _scopes;

    public DeferredConsoleLoggerProvider(IServiceProvider services)
    {
        _console = new Lazy<ConsoleLoggerProvider>(() =>
        {
            var console = services.GetRequiredService<ConsoleLoggerProvider>();
            if (_scopes is { } scopes) console.SetScopeProvider(scopes);
            return console;
        });
    }

    /// <summary>Whether the console provider has been made (something was logged).</summary>
    internal bool Started => _console.IsValueCreated;

    /// <summary>In place of AddConsole's registration of the provider: the console provider is made on first use.</summary>
    public static void Replace(IServiceCollection services)
    {
        foreach (var console in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList())
        {
            services.Remove(console);
        }

        services.TryAddSingleton<ConsoleLoggerProvider>();
        services.AddSingleton<ILoggerProvider>(sp => new DeferredConsoleLoggerProvider(sp));
    }

    public ILogger CreateLogger(string categoryName) => new Deferred(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        _scopes = scopeProvider;
        if (_console.IsValueCreated) _console.Value.SetScopeProvider(scopeProvider);
    }

    // The container disposes the console provider it made; nothing of this one's own to dispose.
    public void Dispose()
    {
    }

    /// <summary>
    /// A logger the factory asks only about messages its filters let through: the first of them makes the console
    /// provider and its logger for the category, which take every call from then on.
    /// </summary>
    private sealed class Deferred(DeferredConsoleLoggerProvider provider, string category) : ILogger
    {
        private ILogger? _logger;

        private ILogger Logger => _logger ??= provider._console.Value.CreateLogger(category);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Logger.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Logger.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Logger.Log(logLevel, eventId, state, exception, formatter);
    }
}
