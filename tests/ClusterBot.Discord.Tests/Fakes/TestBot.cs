using System.Collections.Concurrent;
using ClusterBot.Core;
using ClusterBot.Core.Abstractions;
using ClusterBot.Data;
using ClusterBot.Discord.Pipeline;
using ClusterBot.Discord.Receiving;
using ClusterBot.Discord.Rendering;
using ClusterBot.Discord.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>
/// The real bot as the host wires it (core, SQLite store on a temp file, the repo's knowledge folder, the
/// Discord adapter), pointed at a <see cref="FakeDiscord"/>, with a fake clock.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    private readonly string _databasePath;

    private TestBot(IHost host, FakeTimeProvider time, LogCollector logs, string databasePath)
    {
        Host = host;
        Time = time;
        Logs = logs;
        _databasePath = databasePath;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public LogCollector Logs { get; }

    public DiscordAdapter Adapter => Host.Services.GetServices<IHostedService>().OfType<DiscordAdapter>().Single();

    public static async Task<TestBot> StartAsync(FakeDiscord fake, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "clusterbot-discord-tests", Guid.NewGuid().ToString("N") + ".db");
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["Storage:Path"] = databasePath,
            ["Discord:Token"] = FakeIds.Token,
            ["Discord:ApplicationId"] = FakeIds.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:GatewayUrl"] = fake.GatewayUrl,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddClusterBotCore(builder.Configuration);
        builder.Services.AddClusterBotStore(builder.Configuration);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);

        var host = builder.Build();
        // Load the knowledge before the first event, so the first answer is as quick as any other.
        _ = host.Services.GetRequiredService<IKnowledgeSource>().Current;
        using var cts = new CancellationTokenSource(Wait.Default);
        await host.StartAsync(cts.Token);
        return new TestBot(host, time, logs, databasePath);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await Host.StopAsync(cts.Token);
        }
        finally
        {
            Host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
    }
}

public static class RepoPaths
{
    /// <summary>The repository's knowledge folder, found by walking up to the folder holding ClusterBot.sln.</summary>
    public static string Knowledge { get; } = Path.Combine(FindRoot(), "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClusterBot.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("ClusterBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Keeps every log line, to check what was (and was not) logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public IReadOnlyList<string> Lines => Entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}").ToList();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
