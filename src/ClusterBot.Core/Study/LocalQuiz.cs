using System.Globalization;
using ClusterBot.Core.Answering;

namespace ClusterBot.Core.Study;

/// <summary>
/// The quiz of a text conversation (the console, `ask --json`): a question's options are numbered, and the next line
/// answers it with a number (or the option's words). Scored through the desk when there is one.
/// </summary>
public sealed class LocalQuiz(QuizDesk? desk, string platform, string chatId, string userId, string userName)
{
    private QuizQuestion? _pending;
    private string? _key;

    /// <summary>Call with every reply shown: a reply with a question makes the next line its answer.</summary>
    public void Shown(Reply reply)
    {
        _pending = reply.Quiz;
        _key = reply.Quiz is null ? null : QuizCallback.NewKey();
        if (reply.Quiz is { } q && desk is not null) desk.Open(platform, chatId, _key!, q);
    }

    /// <summary>The verdict when the line answers the pending question; null when it is not an answer (then it is a question of its own).</summary>
    public Reply? TryAnswer(string line)
    {
        if (_pending is not { } question) return null;
        var choice = Choice(question, line.Trim());
        _pending = null;
        if (choice is null) return null;
        var verdict = desk?.Answer(platform, _key!, userId, userName, choice.Value)
            ?? new QuizVerdict(new Abstractions.OpenQuiz(platform, _key!, chatId, question.Id, question.Lang, question.Correct, question.CorrectOption,
                question.Options.Count, question.Explanation), choice.Value, choice.Value == question.Correct, Counted: true);
        var reply = verdict.ToReply();
        return reply with { Citations = [question.Citation], FactIds = [question.SourceId], Blocks = reply.Blocks.Where(b => b is not Paragraph p || p.Text != question.Citation.Text).ToList() };
    }

    private static int? Choice(QuizQuestion question, string line)
    {
        if (int.TryParse(line.TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= question.Options.Count) return n - 1;
        var i = question.Options.ToList().FindIndex(o => string.Equals(o, line, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : null;
    }
}
