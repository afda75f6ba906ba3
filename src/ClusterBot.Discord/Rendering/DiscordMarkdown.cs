using System.Text;

namespace ClusterBot.Discord.Rendering;

/// <summary>
/// Escapes text for Discord markdown, so user input and facts render as typed: no accidental bold, spoilers,
/// code, quotes, headings or lists, and no mention syntax (<c>@everyone</c>, <c>&lt;@id&gt;</c>) that could ping.
/// </summary>
internal static class DiscordMarkdown
{
    /// <summary>Characters that start or end formatting anywhere in a line, and the mention/link openers.</summary>
    private const string InlineSpecials = "\\*_~`|[]<@";

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (lineStart && c is '#' or '-' or '+' or '>')
            {
                // Headings, "-#" subtext, list bullets and quotes only count at the start of a line.
                sb.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                if (end < text.Length && text[end] is '.' or ')')
                {
                    // "1. " would become a numbered list item.
                    sb.Append(text, i, end - i).Append('\\').Append(text[end]);
                    i = end;
                    lineStart = false;
                    continue;
                }
            }

            if (InlineSpecials.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return sb.ToString();
    }
}
