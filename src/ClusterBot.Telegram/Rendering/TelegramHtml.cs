using System.Text;

namespace ClusterBot.Telegram.Rendering;

/// <summary>Telegram's HTML parse mode: only &lt;, &gt;, &amp; (and &quot; in attributes) need escaping.</summary>
public static class TelegramHtml
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"") < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '<' => "&lt;",
                '>' => "&gt;",
                '&' => "&amp;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static string Bold(string text) => "<b>" + Escape(text) + "</b>";

    public static string Italic(string text) => "<i>" + Escape(text) + "</i>";
}
