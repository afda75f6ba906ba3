using ClusterBot.Drawing;
using System.Runtime.CompilerServices;
using ClusterBot.ConsoleChat;
using ClusterBot.Core;
using ClusterBot.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterBot.Hosting;

/// <summary>What the process is being started for; decides logging and which services run.</summary>
public enum RunMode
{
    /// <summary>The bot itself: platform adapters when configured, otherwise the console chat.</summary>
    Bot,
    /// <summary>A one-off tool command (ask, knowledge check, report): no hosted services, quiet logs.</summary>
    Tool,
}

/// <summary>
/// Builds the application host: configuration, logging, the core, the store, and — for the bot — the
/// adapters, monitoring, live knowledge reload and maintenance. A web server runs only when something needs
/// it (`Http__Urls`, or a Telegram webhook); otherwise the plain generic host starts faster and opens no port.
/// </summary>
public static class ClusterBotHost
{
    public static IHost Build(RunMode mode, IDictionary<string, string?>? overrides = null)
    {
        var plan = HostPlan.Read(overrides);
        return plan.NeedsHttp && mode == RunMode.Bot ? BuildWeb(plan, overrides) : BuildGeneric(mode, plan, overrides);
    }

    private static IHost BuildGeneric(RunMode mode, HostPlan plan, IDictionary<string, string?>? overrides)
    {
        HostApplicationBuilder builder;
        if (mode == RunMode.Tool)
        {
            // A one-off command starts in a fraction of a second: the empty builder with just the configuration
            // sources it reads, while SQLite's native library and the stemmers load on the other core.
            WarmUp.Start();
            builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
            builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).AddEnvironmentVariables();
        }
        else
        {
            builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        }

        Configure(builder, mode, plan, overrides);
        return builder.Build();
    }

    // Kept out of the generic path so that tool commands never load ASP.NET Core.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHost BuildWeb(HostPlan plan, IDictionary<string, string?>? overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.WebHost.UseUrls(plan.HttpUrls!);
        builder.Services.AddHostedService<PrometheusExport>();
        Configure(builder, RunMode.Bot, plan, overrides);
        var app = builder.Build();
        app.MapClusterBotOperations();
        AdapterRegistration.MapEndpoints(app, plan);
        return app;
    }

    private static void Configure(IHostApplicationBuilder builder, RunMode mode, HostPlan plan, IDictionary<string, string?>? overrides)
    {
        if (overrides is not null) builder.Configuration.AddInMemoryCollection(overrides);
        ConfigureLogging(builder.Logging, builder.Configuration, mode, plan);

        var services = builder.Services;
        services.AddClusterBotCore(builder.Configuration);
        services.AddClusterBotStore(builder.Configuration);
        services.AddTimelinePictures(builder.Configuration);
        if (mode == RunMode.Tool)
        {
            return;
        }

        services.AddClusterBotMonitoring(builder.Configuration);
        services.AddBufferedQuestionLog();
        services.AddOptions<AnalyticsOptions>().Bind(builder.Configuration.GetSection(AnalyticsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidation>());
        services.AddHostedService<KnowledgeReloadService>();
        services.AddHostedService<MaintenanceService>();
        services.AddSystemd();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(8));
        if (plan.AnyPlatform)
        {
            AdapterRegistration.AddAdapters(services, builder.Configuration, plan);
        }
        else if (!plan.NeedsHttp)
        {
            // Only a newcomer's plain `dotnet run` chats in the console; a service never reads stdin.
            services.AddConsoleChat();
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, RunMode mode, HostPlan plan)
    {
        logging.ClearProviders();
        // Logs go to stderr so that stdout carries only replies (the `ask --json` contract, the console chat).
        // The formatter is "simple" unless Logging__Console__FormatterName=json asks for structured logs.
        logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = configuration["Logging:Console:FormatterName"] ?? ConsoleFormatterNames.Simple;
        });
        logging.Services.Configure<SimpleConsoleFormatterOptions>(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<JsonConsoleFormatterOptions>(o => o.TimestampFormat = "O");
        // A tool or the console chat shares the terminal with a person: only problems are worth a line there.
        logging.SetMinimumLevel(mode == RunMode.Bot && plan.AnyPlatform ? LogLevel.Information : LogLevel.Warning);
        // HttpClient's request logs would print the Telegram Bot API URL, which carries the bot token.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
    }
}
