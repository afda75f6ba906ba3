namespace ClusterBot.Core.Answering;

/// <summary>
/// "В статье", "according to the paper", "по мнению авторов": a frame that says where the answer should come from. Every
/// answer comes from the paper, so the frame names nothing to look for; the paper itself is the topic only when it is not
/// framed ("о чём статья", "кто авторы статьи").
/// </summary>
public static class PaperFrame
{
    private static readonly HashSet<string> PaperWords = new(StringComparer.Ordinal)
    {
        "статья", "статье", "статьи", "статью", "статьёй", "статьей", "тексте", "текста", "paper", "article", "text",
    };

    private static readonly HashSet<string> AuthorWords = new(StringComparer.Ordinal) { "авторов", "авторам", "авторы", "authors", "author" };

    /// <summary>Words that open the frame before the paper's name: "в", "по", "согласно", "in", "per", "to" (of "according to").</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "в", "во", "по", "согласно", "из", "in", "per", "to", "from", "by", "of",
    };

    /// <summary>What may stand between the opener and the paper: "in the paper", "в этой статье", "по данным статьи".</summary>
    private static readonly HashSet<string> Between = new(StringComparer.Ordinal)
    {
        "the", "this", "a", "данной", "данная", "этой", "этот", "эта", "данным", "словам", "мнению", "тексту",
    };

    /// <summary>The positions of the frame's words in the tokens (opener, what stands between, the paper's or authors' word).</summary>
    public static HashSet<int> Positions(IReadOnlyList<string> tokens)
    {
        var positions = new HashSet<int>();
        for (var k = 0; k < tokens.Count; k++)
        {
            var paper = PaperWords.Contains(tokens[k]);
            if (!paper && !AuthorWords.Contains(tokens[k])) continue;
            var start = k - 1;
            while (start >= 0 && Between.Contains(tokens[start])) start--;
            // The authors are framed only by "по мнению авторов", "according to the authors": "кто авторы" asks of them.
            var framed = start >= 0 && Openers.Contains(tokens[start]) && (paper || start < k - 1 || tokens[start] is "to" or "per" or "by");
            // "The paper's GII data", "the authors' conclusions": what the paper says of it.
            if (!framed && k + 1 < tokens.Count && tokens[k + 1] == "s" && tokens[k] is "paper" or "article" or "text" or "authors" or "author")
            {
                positions.UnionWith([k, k + 1]);
                if (start >= 0 && tokens[start] == "the") positions.Add(start);
                continue;
            }

            if (!framed) continue;
            for (var j = start; j <= k; j++) positions.Add(j);
        }

        return positions;
    }
}
