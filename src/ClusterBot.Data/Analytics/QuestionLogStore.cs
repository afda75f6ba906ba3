using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Operations;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data.Analytics;

/// <summary>The question log in the state database (table `questions`): what the usage and unanswered reports read.</summary>
public sealed class QuestionLogStore(StateDatabase database) : IQuestionLog
{
    public void Record(QuestionRecord record) => RecordAll([record]);

    /// <summary>Writes several records in one transaction.</summary>
    public void RecordAll(IReadOnlyCollection<QuestionRecord> records)
    {
        using var c = database.Open();
        using var tx = c.BeginTransaction();
        c.Execute("""
            INSERT INTO questions (at, platform, kind, outcome, normalised, command, closest)
            VALUES (@at, @platform, @kind, @outcome, @normalised, @command, @closest)
            """,
            records.Select(record => new
            {
                at = database.Dialect.Stamp(record.At),
                platform = record.Platform,
                kind = record.Command is null ? "text" : "command",
                outcome = ClusterBotMetrics.OutcomeName(record.Outcome),
                normalised = record.Normalised ?? "",
                command = record.Command,
                closest = record.Closest,
            }),
            tx);
        tx.Commit();
    }

    public int Prune(TimeSpan olderThan)
    {
        using var c = database.Open();
        return c.Execute("DELETE FROM questions WHERE at < @cutoff", new { cutoff = database.Dialect.Stamp(DateTimeOffset.UtcNow - olderThan) });
    }
}
