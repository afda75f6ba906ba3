using System.Globalization;
using System.Text.RegularExpressions;

namespace ClusterBot.Discord.Pipeline;

/// <summary>
/// A message's content as a question for the core. Discord's markup (discord.com/developers/docs/reference
/// #message-formatting) means nothing to the core and makes it refuse, so mentions of users, roles and
/// channels, @everyone/@here, custom emoji and guild navigation are taken out; a timestamp becomes the date it
/// shows and a slash-command mention the command it names, since that is what the reader saw.
/// </summary>
internal static partial class DiscordQuestionText
{
    public static string From(string content)
    {
        var text = Timestamp().Replace(content, m => DateOf(m.Groups["seconds"].Value));
        text = CommandMention().Replace(text, m => " /" + m.Groups["name"].Value + " ");
        text = Removed().Replace(text, " ");
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" ?", "?", StringComparison.Ordinal);
    }

    private static string DateOf(string seconds) =>
        long.TryParse(seconds, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) &&
        s >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && s <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? " " + DateTimeOffset.FromUnixTimeSeconds(s).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : " ";

    /// <summary>&lt;t:SECONDS&gt; or &lt;t:SECONDS:STYLE&gt;.</summary>
    [GeneratedRegex(@"\s?<t:(?<seconds>-?\d{1,20})(?::[tTdDfFR])?>")]
    private static partial Regex Timestamp();

    /// <summary>&lt;/NAME:ID&gt;, NAME possibly with a subcommand group and subcommand.</summary>
    [GeneratedRegex(@"</(?<name>[\w-]{1,32}(?: [\w-]{1,32}){0,2}):\d{1,20}>")]
    private static partial Regex CommandMention();

    /// <summary>Users (&lt;@ID&gt;, &lt;@!ID&gt;), roles, channels, custom emoji, guild navigation, @everyone and @here.</summary>
    [GeneratedRegex(@"<@[!&]?\d{1,20}>|<#\d{1,20}>|<a?:\w{1,32}:\d{1,20}>|<id:\w{1,32}>|(?<!\S)@(?:everyone|here)\b")]
    private static partial Regex Removed();
}
