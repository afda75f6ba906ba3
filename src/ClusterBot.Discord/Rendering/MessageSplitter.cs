namespace ClusterBot.Discord.Rendering;

/// <summary>Cuts rendered text into messages within Discord's 2000-character limit, at line breaks where it can.</summary>
internal static class MessageSplitter
{
    public const int MaxMessageLength = 2000;

    public static IReadOnlyList<string> Split(string text, int limit = MaxMessageLength)
    {
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > limit)
        {
            var cut = rest.LastIndexOf('\n', limit - 1);
            if (cut <= 0) cut = rest.LastIndexOf(' ', limit - 1);
            if (cut <= 0) cut = SafeHardCut(rest, limit);
            chunks.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0) chunks.Add(rest);
        return chunks;
    }

    /// <summary>A cut at the limit that splits neither a surrogate pair nor a backslash escape from what it escapes.</summary>
    private static int SafeHardCut(string text, int limit)
    {
        var cut = limit;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        var backslashes = 0;
        while (cut - 1 - backslashes >= 0 && text[cut - 1 - backslashes] == '\\') backslashes++;
        if (backslashes % 2 == 1) cut--;
        return cut;
    }
}
