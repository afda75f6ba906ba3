using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Study;

namespace ClusterBot.Cli;

/// <summary>
/// The `ask` command: one question as plain text, or (with --json) one JSON object per stdin line,
/// in order, flushed as it goes. Every line gets exactly one answer, whatever it holds.
/// </summary>
/// <remarks>A /quiz question's options are numbered; with --json, the next line answers it.</remarks>
public sealed partial class AskRunner(IAnswerEngine engine, string? language, string botUsername, QuizDesk? quizzes = null)
{
    private readonly LocalQuiz _quiz = new(quizzes, "cli", "cli", "cli", "cli");

    /// <summary>Where a /timeline picture is written (--out); none: the timeline is only printed.</summary>
    public string? PictureFile { get; init; }

    public ITimelinePainter? Painter { get; init; }

    // Generated serialisation (no reflection, as a Native AOT build needs) with the options the output always had.
    private static readonly AskJson Json = new(new JsonSerializerOptions
    {
        // Cyrillic stays readable; the output is UTF-8 JSON Lines, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public Reply Ask(string text)
    {
        try
        {
            if (_quiz.TryAnswer(text) is { } verdict) return verdict;
            var reply = engine.Answer(new Question(text, Platform: "cli", UserLanguage: language, BotUsername: botUsername, ChatId: "cli"));
            _quiz.Shown(reply);
            if (reply.Timeline is { } timeline && PictureFile is { } file) WritePicture(timeline, file);
            // A chat platform stays silent here; a command line owes every line an answer, so it says why.
            return reply.Outcome == ReplyOutcome.Ignored
                ? new Reply(reply.Lang, ReplyOutcome.Ignored, [new Paragraph(UiText.ForAnotherBot(text.Trim())[reply.Lang])], [], [], [])
                : reply;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The engine is built never to throw; if it ever does, this line still gets its answer and the batch goes on.
            Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
            var lang = Core.Text.Script.Detect(text) ?? Core.Knowledge.Lang.Ru;
            return new Reply(lang, ReplyOutcome.Invalid, [new Paragraph(UiText.InternalError[lang])], [], [], []);
        }
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
        await output.WriteLineAsync(Ask(question).ToPlainText());
        return 0;
    }

    public async Task<int> RunJsonLinesAsync(TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteLineAsync(ToJson(line, Ask(line)));
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
        reply.FollowUps.Select(f => f.Command).ToList()), Json.AskResult);

    [JsonSerializable(typeof(AskResult))]
    private sealed partial class AskJson : JsonSerializerContext;

    private sealed record AskResult(
        string Query,
        bool Answered,
        string Lang,
        string Text,
        IReadOnlyList<string> Sources,
        IReadOnlyList<string> Facts,
        [property: JsonPropertyName("followUps")] IReadOnlyList<string> FollowUps);
}
