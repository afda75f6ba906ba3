using ClusterBot.Core.Abstractions;

namespace ClusterBot.Core.Study;

/// <summary>One user's standing in a chat.</summary>
/// <param name="Streak">Right answers in a row up to the latest.</param>
public sealed record Score(string UserId, string Name, int Right, int Answered, int Streak, int BestStreak);

/// <summary>A chat's leaderboard from its counted answers: most right first, then the longer streak, then fewer tries.</summary>
public static class ScoreBoard
{
    public static IReadOnlyList<Score> Of(IEnumerable<QuizAnswer> answers) => answers
        .GroupBy(a => a.UserId)
        .Select(g =>
        {
            var ordered = g.OrderBy(a => a.At).ToList();
            int streak = 0, best = 0;
            foreach (var a in ordered)
            {
                streak = a.Right ? streak + 1 : 0;
                best = Math.Max(best, streak);
            }

            return new Score(g.Key, ordered[^1].UserName, ordered.Count(a => a.Right), ordered.Count, streak, best);
        })
        .OrderByDescending(s => s.Right).ThenByDescending(s => s.BestStreak).ThenBy(s => s.Answered).ThenBy(s => s.Name, StringComparer.Ordinal)
        .ToList();
}
