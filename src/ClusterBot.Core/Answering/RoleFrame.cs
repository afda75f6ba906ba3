namespace ClusterBot.Core.Answering;

/// <summary>
/// "What role do regional institutions play", "какую роль играют институты", "чем занимался третий этап": the frame
/// asks what the thing does, so "role" and "play" (or "занимался") are not what to look for; a fact that "clusters
/// play a significant role" is no closer for them.
/// </summary>
public static class RoleFrame
{
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal) { "role", "roles", "роль", "роли", "ролью" };

    private static readonly string[] PlayPrefixes = ["play", "игра", "сыгра"];

    /// <summary>The positions of the role word and its verb, when the question has both.</summary>
    public static IReadOnlyCollection<int> Positions(IReadOnlyList<string> tokens)
    {
        var role = Enumerable.Range(0, tokens.Count).Where(k => RoleWords.Contains(tokens[k])).ToList();
        var play = Enumerable.Range(0, tokens.Count).Where(k => PlayPrefixes.Any(p => tokens[k].StartsWith(p, StringComparison.Ordinal))).ToList();
        if (role.Count > 0 && play.Count > 0) return [.. role, .. play];
        // "Чем занимается Вонджу": "what does it do", as "what does" is in English; "какое место занимает" asks a place.
        var what = Enumerable.Range(0, tokens.Count).Where(k => tokens[k] == "чем").ToList();
        var busy = Enumerable.Range(0, tokens.Count).Where(k => tokens[k].StartsWith("заним", StringComparison.Ordinal)).ToList();
        return what.Count > 0 && busy.Count > 0 ? [.. what, .. busy] : [];
    }
}
