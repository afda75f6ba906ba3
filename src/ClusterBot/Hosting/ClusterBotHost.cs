using ClusterBot.ConsoleChat;
using ClusterBot.Core;
using ClusterBot.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Hosting;

/// <summary>What the process is being started for; decides logging and which services run.</summary>
public enum RunMode
{
    /// <summary>The bot itself: platform adapters when configured, otherwise the console chat.</summary>
    Bot,
    /// <summary>A one-off tool command (ask, knowledge check): no hosted services, quiet logs.</summary>
    Tool,
}

/// <summary>Builds the application host: configuration, logging, the core, the store and the adapters.</summary>
public static class ClusterBotHost
{
    public static IHost Build(RunMode mode, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Config files ship next to the app; relative data paths still resolve against the working directory.
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        configure?.Invoke(builder.Configuration);
        ConfigureLogging(builder.Logging, mode);

        builder.Services.AddClusterBotCore(builder.Configuration);
        builder.Services.AddClusterBotStore(builder.Configuration);
        if (mode == RunMode.Bot)
        {
            builder.Services.AddConsoleChat();
        }

        return builder.Build();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, RunMode mode)
    {
        logging.ClearProviders();
        // Logs go to stderr so that stdout carries only replies (the `ask --json` contract, the console chat).
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(mode == RunMode.Tool ? LogLevel.Warning : LogLevel.Information);
    }
}
