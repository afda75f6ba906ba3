using ClusterBot.Core.Answering;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace ClusterBot.Telegram.Pipeline;

/// <summary>Whether a message speaks to the bot, and its text with the bot's @mention taken out.</summary>
public sealed record Addressing(bool Addressed, string Text);

/// <summary>
/// In a group the bot answers only what is meant for it: a command (ours or unsuffixed), a message that
/// mentions @bot, or a reply to one of its messages. A command naming another bot is left alone.
/// </summary>
public static class MessageAddressing
{
    public static Addressing Read(Message message, long botId, string botUsername)
    {
        var text = message.Text ?? "";
        if (CommandParser.Parse(text) is { } command)
        {
            return new Addressing(!CommandParser.IsForAnotherBot(command, botUsername), text);
        }

        var (mentioned, withoutMention) = StripMentions(text, message.Entities, botId, botUsername);
        var repliesToBot = message.ReplyToMessage?.From?.Id == botId;
        return new Addressing(mentioned || repliesToBot, withoutMention);
    }

    /// <summary>Removes every mention of the bot; entity offsets are UTF-16 units, as C# strings count.</summary>
    internal static (bool Mentioned, string Text) StripMentions(string text, MessageEntity[]? entities, long botId, string botUsername)
    {
        var handle = "@" + botUsername;
        var spans = new List<(int Offset, int Length)>();
        foreach (var e in entities ?? [])
        {
            if (e.Offset < 0 || e.Length <= 0 || e.Offset + e.Length > text.Length) continue;
            var isOurMention = e.Type switch
            {
                MessageEntityType.Mention => string.Equals(text.Substring(e.Offset, e.Length), handle, StringComparison.OrdinalIgnoreCase),
                MessageEntityType.TextMention => e.User?.Id == botId,
                _ => false,
            };
            if (isOurMention) spans.Add((e.Offset, e.Length));
        }

        if (entities is null or { Length: 0 })
        {
            // Telegram always marks mentions; this covers hand-made updates without entities.
            var at = text.IndexOf(handle, StringComparison.OrdinalIgnoreCase);
            var end = at + handle.Length;
            if (at >= 0 && (end == text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] == '_')))
            {
                spans.Add((at, handle.Length));
            }
        }

        if (spans.Count == 0) return (false, text);
        var result = text;
        foreach (var (offset, length) in spans.OrderByDescending(s => s.Offset))
        {
            result = result.Remove(offset, length);
        }

        // "@Bot, what is TORCH?" → "what is TORCH?"
        return (true, string.Join(' ', result.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().TrimStart(',', ':', ' ').Trim());
    }
}
