using System.CommandLine;
using System.Text;
using ClusterBot.Cli;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data;
using ClusterBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

Console.InputEncoding = Encoding.UTF8;
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

var root = new RootCommand(
    "ClusterBot: a study bot on foreign experience with economic clusters (Germany, South Korea, China, GII 2022).\n" +
    "Without a command it runs the bot: on Telegram and/or Discord when their tokens are configured " +
    "(Telegram__Token, Discord__Token), otherwise as a chat in this console.");

var question = new Argument<string?>("question") { Description = "The question, e.g. \"сколько кластеров в корее\" or \"/country korea\".", Arity = ArgumentArity.ZeroOrOne };
var json = new Option<bool>("--json") { Description = "Read one question per line from stdin until EOF; write one JSON object per line." };
var lang = new Option<string?>("--lang") { Description = "Reply language (ru|en) where the question itself does not show one." };
lang.AcceptOnlyFromAmong("ru", "en");
var explain = new Option<bool>("--explain") { Description = "Also print, to stderr, how the question was understood and the best-scoring facts (for curators)." };
var ask = new Command("ask", "Answer a question and exit (plain text), or answer stdin line by line (--json).") { question, json, lang, explain };
ask.SetAction(async (parse, cancellationToken) =>
{
    var text = parse.GetValue(question);
    var asJson = parse.GetValue(json);
    if (text is null && !asJson)
    {
        await Console.Error.WriteLineAsync("Give a question, e.g. ask \"/country korea\", or --json to read questions from stdin.");
        return 2;
    }

    return await RunTool(async services =>
    {
        var runner = new AskRunner(services.GetRequiredService<IAnswerEngine>(), parse.GetValue(lang));
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
        using var host = ClusterBotHost.Build(RunMode.Tool);
        folder = host.Services.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath();
    }

    return KnowledgeCheck.Run(folder, Console.Out, Console.Error);
});
root.Subcommands.Add(new Command("knowledge", "Work with the knowledge files.") { check });

root.SetAction(async (_, cancellationToken) =>
{
    using var host = ClusterBotHost.Build(RunMode.Bot);
    try
    {
        await host.RunAsync(cancellationToken);
        return 0;
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
});

return await root.Parse(args).InvokeAsync();

// A tool command: build the services (validating configuration) without starting any hosted service.
static async Task<int> RunTool(Func<IServiceProvider, Task<int>> action)
{
    try
    {
        using var host = ClusterBotHost.Build(RunMode.Tool);
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return await action(host.Services);
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
}
