using ClusterBot.Testing;
using System.Collections.Concurrent;
using ClusterBot.Core;
using ClusterBot.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Telegram.Tests.Fakes;

/// <summary>
/// The adapter in a real host, wired as the app wires it (AddClusterBotCore + AddClusterBotStore +
/// AddTelegramAdapter), against the fake Bot API, with the repository's knowledge and a real SQLite file.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private BotHarness(IHost host, LogCollector logs, string? webhookBaseUrl)
    {
        _host = host;
        Logs = logs;
        WebhookBaseUrl = webhookBaseUrl;
    }

    public IServiceProvider Services => _host.Services;

    public LogCollector Logs { get; }

    public string? WebhookBaseUrl { get; }

    public static Dictionary<string, string?> Settings(FakeBotApi api, string database) => new()
    {
        ["Telegram:Token"] = FakeBotApi.Token,
        // Only scheme, host and port may be used; the path here must be dropped.
        ["Telegram:ApiBaseUrl"] = api.BaseUrl + "/some/ignored/path",
        ["Telegram:PollingTimeoutSeconds"] = "1",
        ["Telegram:TransientRetryDelay"] = "00:00:00.020",
        ["Telegram:ShutdownGrace"] = "00:00:02",
        ["Telegram:RateLimitingEnabled"] = "false",
        ["Knowledge:Path"] = RepoPaths.Knowledge,
        ["Storage:Path"] = database,
        ["Bot:DefaultLanguage"] = "ru",
    };

    /// <summary>
    /// Builds and starts the host; StartAsync's exceptions (a malformed token) surface here. A refused getMe does
    /// not throw: the adapter records it in StartupFailures and stops the application, which a test can watch.
    /// </summary>
    public static async Task<BotHarness> StartAsync(
        FakeBotApi api,
        string database,
        Action<Dictionary<string, string?>>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var settings = Settings(api, database);
        configure?.Invoke(settings);
        var logs = new LogCollector();
        var webhook = settings.GetValueOrDefault("Telegram:Mode") == "Webhook";
        IHost host;
        if (webhook)
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
            builder.Services.AddRoutingCore();
            Configure(builder.Configuration, builder.Services, builder.Logging, settings, logs, services);
            var app = builder.Build();
            app.UseRouting();
            app.MapTelegramWebhook();
            host = app;
        }
        else
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            Configure(builder.Configuration, builder.Services, builder.Logging, settings, logs, services);
            host = builder.Build();
        }

        try
        {
            await host.StartAsync();
        }
        catch (Exception e)
        {
            host.Dispose();
            throw new HarnessStartException(logs, e);
        }

        var inbox = host.Services.GetRequiredService<ClusterBot.Core.Abstractions.IUpdateInbox>();
        api.Settled = () =>
        {
            try
            {
                return inbox.Count("telegram") == 0;
            }
            catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
            {
                return true;
            }
        };
        return new BotHarness(host, logs, (host as WebApplication)?.Urls.First());
    }

    private static void Configure(ConfigurationManager configuration, IServiceCollection services, ILoggingBuilder logging,
        Dictionary<string, string?> settings, LogCollector logs, Action<IServiceCollection>? extra)
    {
        configuration.AddInMemoryCollection(settings);
        logging.SetMinimumLevel(LogLevel.Debug);
        logging.AddProvider(logs);
        services.AddClusterBotCore(configuration).AddClusterBotStore(configuration).AddTelegramAdapter(configuration);
        extra?.Invoke(services);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task StopAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        if (_host is IAsyncDisposable a) await a.DisposeAsync();
        else _host.Dispose();
    }
}

/// <summary>Start-up failed; carries the log lines written until then.</summary>
public sealed class HarnessStartException(LogCollector logs, Exception cause) : Exception("The host did not start: " + cause.Message, cause)
{
    public LogCollector Logs { get; } = logs;
}

/// <summary>Every log line, with its level and any exception text, for assertions.</summary>
public sealed class LogCollector : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public bool Any(string fragment) => Lines.Any(l => l.Text.Contains(fragment, StringComparison.Ordinal));

    public string All => string.Join("\n", Lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
    }
}
