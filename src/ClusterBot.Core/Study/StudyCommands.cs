using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Study;

/// <summary>/quiz, /score and /timeline in one language, over one snapshot of the knowledge.</summary>
internal sealed class StudyCommands(KnowledgeIndex index, Lang lang, IQuizStore? quizzes)
{
    public Reply Quiz(string argument, int seed)
    {
        Entity? topic = null;
        if (argument.Length > 0 && (topic = QuizDealer.Topic(index, argument)) is null)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.Invalid, QuizText.UnknownTopic(argument, KnownTopics())[lang]);
        }

        if (QuizDealer.Deal(index, topic, lang, seed) is not { } question)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.NotFound, QuizText.NoQuestions[lang]);
        }

        ReplyBlock[] blocks = [new Paragraph(question.Text), new BulletList(question.Options, Numbered: true), new Paragraph(QuizText.AnswerHint[lang])];
        return new Reply(lang, ReplyOutcome.Answered, blocks, [], [], []) { Quiz = question };
    }

    public Reply Score(string argument, Question question)
    {
        if (quizzes is null || question.ChatId is null)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.Answered, QuizText.NoScoreHere[lang]);
        }

        var onlyMe = argument.Trim().ToLowerInvariant() is "me" or "я" or "мой" or "my";
        // A local chat (the console, ask) is one person's: without a user id, the chat's id is theirs.
        return QuizDesk.ScoreReply(quizzes.Answers(question.Platform, question.ChatId), question.UserId ?? question.ChatId, onlyMe, lang);
    }

    public Reply Timeline(string argument)
    {
        var owner = argument.Length == 0 ? index.Showcase.PhaseOwner : QuizDealer.Topic(index, argument);
        if (owner is null)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.Invalid, QuizText.UnknownTopic(argument, KnownTopics())[lang]);
        }

        if (owner.Kind == EntityKind.Phase && owner.ParentId is not null) owner = index.FindEntity(owner.ParentId) ?? owner;
        if (Study.Timeline.Of(index, owner, lang) is not { } timeline)
        {
            return AnswerEngine.Fallback(lang, ReplyOutcome.NotFound, QuizText.NoTimeline[lang]);
        }

        var lines = timeline.ToText().Split('\n');
        ReplyBlock[] blocks = [new Heading(lines[0]), new BulletList(lines[1..^1].Select(l => l.TrimStart('•', ' ')).ToList())];
        return new Reply(lang, ReplyOutcome.Answered, blocks, [new Citation("", [], timeline.Source)], [owner.Id], []) { Timeline = timeline };
    }

    private string KnownTopics() => string.Join(", ", index.Showcase.Countries.Concat(index.Showcase.Topics).Select(e => e.Id));
}
