using System.Text;
using ClusterBot.Core.Answering;
using Telegram.Bot.Types.ReplyMarkups;

namespace ClusterBot.Telegram.Rendering;

/// <summary>
/// Follow-up suggestions as inline buttons. The callback data is the command itself ("/country korea"):
/// short ASCII that any instance can run after any restart, so no button state has to be stored.
/// </summary>
public sealed class FollowUpKeyboard
{
    /// <summary>Telegram's limit on callback data.</summary>
    public const int MaxCallbackDataBytes = 64;

    private const int MaxButtons = 8;
    private const int ShortLabel = 18;

    public InlineKeyboardMarkup? Build(IReadOnlyList<FollowUp> followUps)
    {
        var buttons = followUps
            .Select(f => (f.Label, Data: EncodeCallbackData(f.Command)))
            .Where(b => b.Data is not null && b.Label.Length > 0)
            .DistinctBy(b => b.Data)
            .Take(MaxButtons)
            .Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data!))
            .ToList();
        if (buttons.Count == 0) return null;

        // Short labels two to a row, long ones alone, so nothing is cut off on a phone.
        var rows = new List<List<InlineKeyboardButton>>();
        foreach (var button in buttons)
        {
            var last = rows.Count > 0 ? rows[^1] : null;
            if (last is { Count: 1 } && last[0].Text.Length <= ShortLabel && button.Text.Length <= ShortLabel) last.Add(button);
            else rows.Add([button]);
        }

        return new InlineKeyboardMarkup(rows);
    }

    /// <summary>The command as callback data, or null when it is not short printable ASCII.</summary>
    public static string? EncodeCallbackData(string command)
    {
        var trimmed = command.Trim();
        if (trimmed.Length == 0 || trimmed[0] != '/' || !trimmed.All(c => c is >= ' ' and <= '~')) return null;
        return Encoding.ASCII.GetByteCount(trimmed) <= MaxCallbackDataBytes ? trimmed : null;
    }

    /// <summary>The command a button carries, or null for data this bot never produces (old or foreign buttons).</summary>
    public static string? DecodeCallbackData(string? data)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes) return null;
        if (EncodeCallbackData(data) is not { } command) return null;
        return CommandParser.Parse(command) is { } parsed && CommandTable.Find(parsed.Name) is not null ? command : null;
    }
}
