using System.Text.RegularExpressions;

namespace ClusterBot.Testing.Telegram;

/// <summary>
/// What Telegram's HTML parse mode accepts (core.telegram.org/bots/api#html-style): a fixed set of tags,
/// properly nested, and only the &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric entities. Anything else is
/// "Bad Request: can't parse entities", which the fake server answers just like Telegram.
/// </summary>
public static partial class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji"];

    public static string? Problem(string html)
    {
        var open = new Stack<string>();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return $"unclosed '<' at {i}";
                var inner = html[(i + 1)..end];
                var closing = inner.StartsWith('/');
                var name = (closing ? inner[1..] : inner).Split(' ', 2)[0].ToLowerInvariant();
                if (!Tags.Contains(name)) return $"unsupported tag <{inner}> at {i}";
                if (closing)
                {
                    if (open.Count == 0 || open.Pop() != name) return $"unbalanced </{name}> at {i}";
                }
                else
                {
                    open.Push(name);
                }

                i = end;
            }
            else if (c == '>')
            {
                return $"raw '>' at {i}";
            }
            else if (c == '&')
            {
                var m = Entity().Match(html, i);
                if (!m.Success || m.Index != i) return $"bad entity at {i}";
                i += m.Length - 1;
            }
        }

        return open.Count == 0 ? null : $"unclosed <{open.Peek()}>";
    }

    [GeneratedRegex("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();
}
