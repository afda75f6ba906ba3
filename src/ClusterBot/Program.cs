using System.CommandLine;
using System.Text;
using ClusterBot.Cli;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data;
using ClusterBot.Data.Analytics;
using ClusterBot.Data.State;
using ClusterBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

Console.InputEncoding = Encoding.UTF8;
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var root = new RootCommand(
    "ClusterBot: a study bot that answers from one paper on foreign experience with economic clusters (see knowledge/).\n" +
    "Without a command it runs the bot: on Telegram and/or Discord when their tokens are configured " +
    "(Telegram__Token, Discord__Token), otherwise as a chat in this console.");

var question = new Argument<string?>("question") { Description = "The question, in words or as a command (e.g. \"/help\").", Arity = ArgumentArity.ZeroOrOne };
var json = new Option<bool>("--json") { Description = "Read one question per line from stdin until EOF; write one JSON object per line." };
var lang = new Option<string?>("--lang") { Description = "Reply language (ru|en) where the question itself does not show one." };
lang.AcceptOnlyFromAmong("ru", "en");
var explain = new Option<bool>("--explain") { Description = "Also print, to stderr, how the question was understood and the best-scoring facts (for curators)." };
var output = new Option<string?>("--out") { Description = "Where /timeline writes its picture (a PNG file); the reply's text still goes to stdout." };
var ask = new Command("ask", "Answer a question and exit (plain text), or answer stdin line by line (--json).") { question, json, lang, explain, output };
ask.SetAction(async (parse, cancellationToken) =>
{
    var text = parse.GetValue(question);
    var asJson = parse.GetValue(json);
    if (text is null && !asJson)
    {
        await Console.Error.WriteLineAsync("Give a question, e.g. ask \"/help\", or --json to read questions from stdin.");
        return 2;
    }

    return await RunTool(async services =>
    {
        var runner = new AskRunner(services.GetRequiredService<ClusterBot.Core.Conversations.ConversationPipeline>(), parse.GetValue(lang),
            services.GetRequiredService<IOptions<AnswerEngineOptions>>().Value.Username, services.GetService<ClusterBot.Core.Study.QuizDesk>())
        {
            PictureFile = parse.GetValue(output),
            // Only --out draws a picture; without it the painter is not made at all.
            Painter = parse.GetValue(output) is null ? null : services.GetService<ITimelinePainter>(),
            Explain = parse.GetValue(explain),
        };
        if (parse.GetValue(explain) && text is not null)
        {
            await Console.Error.WriteLineAsync(QueryExplainer.Explain(text, services.GetRequiredService<IKnowledgeSource>().Current));
        }

        return asJson
            ? await runner.RunJsonLinesAsync(Console.In, Console.Out, cancellationToken)
            : await runner.RunPlainAsync(text!, Console.Out);
    });
});
root.Subcommands.Add(ask);

var knowledgePath = new Option<string?>("--path") { Description = "The knowledge folder to check (default: the configured one, Knowledge__Path)." };
var check = new Command("check", "Validate the knowledge files and print what they hold; errors name the file and line.") { knowledgePath };
check.SetAction(parse =>
{
    var folder = parse.GetValue(knowledgePath) is { } p ? Path.GetFullPath(p) : null;
    if (folder is null)
    {
        using var services = ToolServices.Build();
        folder = services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath();
    }

    return KnowledgeCheck.Run(folder, Console.Out, Console.Error);
});
root.Subcommands.Add(new Command("knowledge", "Work with the knowledge files.") { check });

Option<string> SinceOption(string fallback) => new("--since")
{
    Description = "How far back: a period (7d, 12h, 2w) or a date (2026-11-01).",
    DefaultValueFactory = _ => fallback,
    Validators = { r => { if (!SinceParser.TryParse(r.GetValueOrDefault<string>() ?? "", DateTimeOffset.UtcNow, out _)) r.AddError("--since takes a period like 7d, 12h, 2w or a date like 2026-11-01."); } },
};
Option<int> TopOption(int fallback) => new("--top") { Description = "How many rows to show.", DefaultValueFactory = _ => fallback };

var usageSince = SinceOption("30d");
var usageTop = TopOption(10);
var usage = new Command("usage", "Questions per day, the answered ratio and the top commands.") { usageSince, usageTop };
usage.SetAction(parse => RunReport(reports =>
{
    SinceParser.TryParse(parse.GetValue(usageSince)!, DateTimeOffset.UtcNow, out var since);
    return reports.FormatUsage(since, parse.GetValue(usageTop));
}));
var unansweredSince = SinceOption("7d");
var unansweredTop = TopOption(20);
var unanswered = new Command("unanswered", "Unanswered questions grouped, most frequent first, with the fact each almost matched: the curator's to-do list.")
{
    unansweredSince, unansweredTop,
};
unanswered.SetAction(parse => RunReport(reports =>
{
    SinceParser.TryParse(parse.GetValue(unansweredSince)!, DateTimeOffset.UtcNow, out var since);
    return reports.FormatUnanswered(since, parse.GetValue(unansweredTop));
}));
root.Subcommands.Add(new Command("report", "Reports from the questions the running bot recorded (no user or chat ids are kept).") { usage, unanswered });

var healthUrl = new Option<string?>("--url") { Description = "The health endpoint (default: /healthz on the first of Http__Urls, with 0.0.0.0 read as 127.0.0.1)." };
var healthcheck = new Command("healthcheck", "Exit 0 when the running bot's /healthz answers, 1 otherwise (for container HEALTHCHECKs).") { healthUrl };
healthcheck.SetAction(async (parse, cancellationToken) =>
{
    var url = parse.GetValue(healthUrl) ?? HealthProbe.DefaultUrl(HostPlan.Read(null).HttpUrls);
    if (url is null)
    {
        await Console.Error.WriteLineAsync("No web server is configured (Http__Urls); nothing to check.");
        return 1;
    }

    return await HealthProbe.CheckAsync(url, cancellationToken) ? 0 : 1;
});
root.Subcommands.Add(healthcheck);

// Settings on the bot's command line (--Telegram:Token=…, as `dotnet run -- …` passes them) reach its configuration.
root.TreatUnmatchedTokensAsErrors = false;
root.SetAction((parseResult, cancellationToken) => ReportingStartupErrors(async () =>
{
    using var host = ClusterBotHost.Build(RunMode.Bot, new ConfigurationInputs { CommandLine = [.. parseResult.UnmatchedTokens] });
    // Configuration and knowledge are checked before the host starts: a failure inside Host.StartAsync would be
    // logged by the host with a stack trace as well as printed here, and the operator needs only the one line.
    host.Services.GetRequiredService<IStartupValidator>().Validate();
    _ = host.Services.GetRequiredService<IKnowledgeSource>().Current;
    host.Services.GetRequiredService<StateDatabase>().EnsureMigrated();
    // Resolved now: RunAsync disposes the host, and with it the container.
    var failures = host.Services.GetService<StartupFailures>();
    // Start-up garbage (the knowledge read from the store, the index being built) is collected once the
    // service runs and its memory handed back, so an idle bot holds only what it uses.
    host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(
        () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    await host.RunAsync(cancellationToken);
    // An adapter that could not start has logged why and stopped the host; the exit code says it failed.
    return failures is { Any: true } ? 1 : 0;
}));

// The host handles SIGTERM/SIGINT itself (ConsoleLifetime, or SystemdLifetime under systemd) and bounds shutdown
// with HostOptions.ShutdownTimeout; System.CommandLine's own 2-second termination timeout would cut that short.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static Task<int> RunReport(Func<Reports, string> report) => RunTool(services =>
{
    Console.Out.Write(report(services.GetRequiredService<Reports>()));
    return Task.FromResult(0);
});

// A tool command: build the services (validating configuration) without starting any hosted service.
static Task<int> RunTool(Func<IServiceProvider, Task<int>> action) => ReportingStartupErrors(async () =>
{
    await using var services = ToolServices.Build();
    services.GetRequiredService<IStartupValidator>().Validate();
    return await action(services);
});

// Bad configuration or knowledge: one line that says what to fix, exit code 1, no stack trace.
static async Task<int> ReportingStartupErrors(Func<Task<int>> run)
{
    try
    {
        return await run();
    }
    catch (OptionsValidationException ex)
    {
        await Console.Error.WriteLineAsync("Configuration error: " + string.Join(" ", ex.Failures));
        return 1;
    }
    catch (KnowledgeValidationException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 1;
    }
    catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
    {
        // A value the binder cannot read (Storage__Provider=Mongo, Telegram__Mode=Hook): its message names the key.
        await Console.Error.WriteLineAsync("Configuration error: " + ex.Message);
        return 1;
    }
    catch (StateDatabaseUnavailableException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 1;
    }
}
