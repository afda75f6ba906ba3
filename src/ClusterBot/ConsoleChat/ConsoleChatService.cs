using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.ConsoleChat;

/// <summary>
/// The local chat a newcomer sees when no platform is configured: a prompt, answers, follow-up hints;
/// /quit or end of input (Ctrl+D) leaves.
/// </summary>
public sealed class ConsoleChatService(
    IAnswerEngine engine,
    IHostApplicationLifetime lifetime,
    ConsoleChatIo io,
    IKnowledgeSource knowledge,
    Microsoft.Extensions.Options.IOptions<AnswerEngineOptions> options,
    QuizDesk? quizzes = null) : BackgroundService
{
    /// <summary>The console is one person's chat: its id is theirs too (and no user id means no flood guard here).</summary>
    private const string Me = "console";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and its start-up logs settle) before the first prompt.
        await Task.Yield();
        Lang? chosen = null;
        var quiz = new LocalQuiz(quizzes, Me, Me, Me, Me);
        await io.Output.WriteLineAsync(Banner());
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await io.Output.WriteAsync("> ");
                await io.Output.FlushAsync(stoppingToken);
                var line = await io.Input.ReadLineAsync(stoppingToken);
                if (line is null || IsQuit(line))
                {
                    break;
                }

                if (line.Trim().Length == 0)
                {
                    continue;
                }

                Reply reply;
                try
                {
                    // A line after a quiz question is its answer when it is an option's number or words.
                    reply = quiz.TryAnswer(line) ?? engine.Answer(new Question(line, PreferredLanguage: chosen, BotUsername: options.Value.Username, ChatId: Me));
                    quiz.Shown(reply);
                    if (reply.Outcome == ReplyOutcome.Ignored)
                    {
                        reply = new Reply(reply.Lang, ReplyOutcome.Ignored, [new Paragraph(UiText.ForAnotherBot(line.Trim())[reply.Lang])], [], [], []);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Never end the chat over one question: say so and read the next line.
                    reply = new Reply(chosen ?? Lang.Ru, ReplyOutcome.Invalid, [new Paragraph(UiText.InternalError[chosen ?? Lang.Ru] + $" ({ex.GetType().Name})")], [], [], []);
                }

                chosen = reply.LanguageChange ?? chosen;
                await io.Output.WriteLineAsync(reply.ToPlainText());
                if (reply.FollowUps.Count > 0)
                {
                    await io.Output.WriteLineAsync("→ " + string.Join("  ·  ", reply.FollowUps.Select(f => f.Command)));
                }

                await io.Output.WriteLineAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C: the host is stopping anyway.
        }

        lifetime.StopApplication();
    }

    /// <summary>The greeting, with an example from the knowledge (a question as students ask it, else a command).</summary>
    private string Banner()
    {
        var showcase = knowledge.TryShowcase(out _);
        var ask = showcase is null ? "Ask in Russian or English." : "Ask in Russian or English, e.g. " + showcase.Hint(Lang.Ru);
        return $"ClusterBot — local chat. {ask}\n/help lists the commands; /quit or Ctrl+D leaves.";
    }

    private static bool IsQuit(string line) => line.Trim().ToLowerInvariant() is "/quit" or "/exit" or "/выход";
}

/// <summary>The console chat's input and output, replaceable in tests.</summary>
public sealed record ConsoleChatIo(TextReader Input, TextWriter Output);
