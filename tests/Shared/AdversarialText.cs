using CsCheck;

namespace ClusterBot.Testing;

/// <summary>Random and hostile strings for property-based tests: markup, mentions, SQL/FTS syntax, control characters, long runs.</summary>
public static class AdversarialText
{
    private static readonly string[] Fragments =
    [
        "'; DROP TABLE facts; --", "\"", "NEAR(", "AND", "*", "^", "names:", "<b>", "</i>", "<a href=\"x\">", "&amp;", "&", "<", ">", "<script>",
        "@everyone", "@here", "<@123>", "```", "||", "~~", "**", "__", "# ", "> ", "- ", "1. ", "[link](http://x)", "\\", "\u0000", "\u0007",
        "\u001b[31m", "\u200b", "\u202e", "\ud83e\udd16", "\ud800", "ё", "/country", "@ClusterBot", "корея", "torch", "193", "\n", "\n\n", "\t",
        new string('я', 300), new string('x', 1500),
    ];

    public static readonly Gen<string> Gen =
        CsCheck.Gen.OneOf(
            CsCheck.Gen.String,
            CsCheck.Gen.Char.Array[0, 80].Select(c => new string(c)),
            CsCheck.Gen.Int[0, Fragments.Length - 1].Array[1, 8].Select(ix => string.Join(' ', ix.Select(i => Fragments[i]))),
            CsCheck.Gen.Int[0, Fragments.Length - 1].Array[1, 12].Select(ix => string.Concat(ix.Select(i => Fragments[i]))));
}
