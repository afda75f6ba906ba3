using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Knowledge;
using ClusterBot.Core.Study;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.ConsoleChat;

/// <summary>
/// The local chat a newcomer sees when no platform is configured: a prompt, answers, follow-up hints;
/// /quit or end of input (Ctrl+D) leaves. Each line is a question of one local conversation through the core's pipeline.
/// </summary>
public sealed class ConsoleChatService(
    ConversationPipeline conversations,
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

                // A line after a quiz question is its answer when it is an option's number or words.
                var reply = quiz.TryAnswer(line) ?? await AskAsync(line, stoppingToken);
                quiz.Shown(reply);
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

    private async Task<Reply> AskAsync(string line, CancellationToken cancellationToken)
    {
        var question = new IncomingMessage(Me, Me, null, null, line, ChatKind.Private, Addressed: true, null)
        {
            BotUsername = options.Value.Username,
            Local = true,
        };
        Reply? shown = null;
        await conversations.HandleAsync(question, (reply, _) =>
        {
            shown = reply;
            return Task.CompletedTask;
        }, cancellationToken);
        return shown ?? Reply.Ignored(conversations.Languages.For(question));
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
