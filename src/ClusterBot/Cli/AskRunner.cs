using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Conversations;
using ClusterBot.Core.Study;

namespace ClusterBot.Cli;

/// <summary>
/// The `ask` command: one question as plain text, or (with --json) one JSON object per stdin line,
/// in order, flushed as it goes. Every line gets exactly one answer, whatever it holds.
/// </summary>
/// <remarks>A /quiz question's options are numbered; with --json, the next line answers it. Each line is a question of
/// one local conversation ("cli") through the core's conversation pipeline; --lang is the user's language.</remarks>
public sealed partial class AskRunner(ConversationPipeline conversations, string? language, string botUsername, QuizDesk? quizzes = null)
{
    private const string Platform = "cli";

    private readonly LocalQuiz _quiz = new(quizzes, "cli", "cli", "cli", "cli");

    /// <summary>Where a /timeline picture is written (--out); none: the timeline is only printed.</summary>
    public string? PictureFile { get; init; }

    public ITimelinePainter? Painter { get; init; }

    /// <summary>--explain: after the answer, print to stderr the evidence and confidence that decided it.</summary>
    public bool Explain { get; init; }

    // Generated serialisation (no reflection, as a Native AOT build needs) with the options the output always had.
    private static readonly AskJson Json = new(new JsonSerializerOptions
    {
        // Cyrillic stays readable; the output is UTF-8 JSON Lines, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public async Task<Reply> AskAsync(string text, CancellationToken cancellationToken = default)
    {
        if (_quiz.TryAnswer(text) is { } verdict) return verdict;
        var question = new IncomingMessage(Platform, Platform, null, null, text, ChatKind.Private, Addressed: true, language)
        {
            BotUsername = botUsername,
            Local = true,
        };
        Reply? shown = null;
        await conversations.HandleAsync(question, (reply, _) =>
        {
            shown = reply;
            return Task.CompletedTask;
        }, cancellationToken);
        // The pipeline answers every local line, a failure with an apology; this only guards the contract.
        shown ??= Reply.Ignored(conversations.Languages.For(question));
        _quiz.Shown(shown);
        if (shown.Timeline is { } timeline && PictureFile is { } file) WritePicture(timeline, file);
        return shown;
    }

    private void WritePicture(Timeline timeline, string file)
    {
        if (Painter?.Paint(timeline) is { } png)
        {
            File.WriteAllBytes(file, png);
            Console.Error.WriteLine($"timeline written to {file}");
        }
        else
        {
            Console.Error.WriteLine("no picture: no usable font (Timeline__FontPath); the timeline is printed as text");
        }
    }

    public async Task<int> RunPlainAsync(string question, TextWriter output)
    {
        var reply = await AskAsync(question);
        await output.WriteLineAsync(reply.ToPlainText());
        if (Explain && reply.Evidence is { } evidence)
        {
            await Console.Error.WriteLineAsync($"decided: {(reply.Answered ? "answered" : "not answered")}, {evidence}");
        }

        return 0;
    }

    public async Task<int> RunJsonLinesAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteLineAsync(ToJson(line, await AskAsync(line, cancellationToken)));
            await output.FlushAsync(cancellationToken);
        }

        return 0;
    }

    public static string ToJson(string query, Reply reply) => JsonSerializer.Serialize(new AskResult(
        query,
        reply.Answered,
        reply.Lang == Core.Knowledge.Lang.Ru ? "ru" : "en",
        reply.ToPlainText(),
        reply.Citations.Select(c => c.Text).ToList(),
        reply.FactIds,
        reply.FollowUps.Select(f => f.Command).ToList(),
        reply.Evidence), Json.AskResult);

    [JsonSerializable(typeof(AskResult))]
    private sealed partial class AskJson : JsonSerializerContext;

    private sealed record AskResult(
        string Query,
        bool Answered,
        string Lang,
        string Text,
        IReadOnlyList<string> Sources,
        IReadOnlyList<string> Facts,
        [property: JsonPropertyName("followUps")] IReadOnlyList<string> FollowUps,
        // What decided a free-text answer or refusal (omitted for commands): for curators and calibration.
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerEvidence? Evidence);
}
