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
    public static IHost Build(RunMode mode, IDictionary<string, string?>? overrides = null) =>
        Build(mode, new ConfigurationInputs { Overrides = overrides });

    public static IHost Build(RunMode mode, ConfigurationInputs inputs)
    {
        // Read once: the plan and the services see the same sources.
        var configuration = ClusterBotConfiguration.Build(mode, inputs);
        var plan = HostPlan.From(configuration);
        return plan.NeedsHttp && mode == RunMode.Bot
            ? BuildWeb(plan, configuration, inputs.Environment)
            : BuildGeneric(mode, plan, configuration, inputs.Environment);
    }

    private static IHost BuildGeneric(RunMode mode, HostPlan plan, ConfigurationManager configuration, string environment)
    {
        // The empty builder adds no configuration sources of its own (ours are complete) and, for a one-off
        // command, starts in a fraction of a second.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = mode == RunMode.Bot ? environment : null,
            Configuration = configuration,
            Args = [],
        });
        Configure(builder, mode, plan);
        return builder.Build();
    }

    // Kept out of the generic path so that tool commands never load ASP.NET Core.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHost BuildWeb(HostPlan plan, ConfigurationManager configuration, string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = environment, Args = [] });
        // The slim builder's own sources give way to ours, so the web host binds what the plan was decided from.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseUrls(plan.HttpUrls!);
        builder.Services.AddHostedService<PrometheusExport>();
        builder.Services.AddClusterBotHealth();
        Configure(builder, RunMode.Bot, plan);
        var app = builder.Build();
        app.MapClusterBotOperations();
        AdapterRegistration.MapEndpoints(app, plan);
        return app;
    }

    private static void Configure(IHostApplicationBuilder builder, RunMode mode, HostPlan plan)
    {
        ConfigureLogging(builder.Logging, builder.Configuration, mode, plan);

        var services = builder.Services;
        AddAnswering(services, builder.Configuration);
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

    /// <summary>What answering a question needs, for the bot and the tool commands alike: the core, the store, the pictures.</summary>
    internal static void AddAnswering(IServiceCollection services, IConfiguration configuration)
    {
        services.AddClusterBotCore(configuration);
        services.AddClusterBotStore(configuration);
        services.AddTimelinePictures(configuration);
    }

    internal static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, RunMode mode, HostPlan plan)
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
        if (mode == RunMode.Tool) DeferredConsoleLoggerProvider.Replace(logging.Services);
        // A tool or the console chat shares the terminal with a person: only problems are worth a line there.
        logging.SetMinimumLevel(mode == RunMode.Bot && plan.AnyPlatform ? LogLevel.Information : LogLevel.Warning);
        // HttpClient's request logs would print the Telegram Bot API URL, which carries the bot token.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
    }
}
