namespace ClusterBot.Core.Answering;

/// <summary>A command as typed: "/country@ClusterBot korea" → name "country", argument "korea".</summary>
public sealed record ParsedCommand(string Name, string Argument, string? AddressedTo);

public static class CommandParser
{
    /// <summary>Longest command name Telegram allows; anything longer is not a command name.</summary>
    private const int MaxNameLength = 32;

    /// <summary>Parses a message that starts with '/'; null when it is not a command at all.</summary>
    public static ParsedCommand? Parse(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length < 2 || trimmed[0] != '/')
        {
            return null;
        }

        var end = 1;
        while (end < trimmed.Length && !char.IsWhiteSpace(trimmed[end])) end++;
        var head = trimmed[1..end];
        var argument = trimmed[end..].Trim();
        string? addressedTo = null;
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            addressedTo = head[(at + 1)..];
            head = head[..at];
        }

        if (head.Length is 0 or > MaxNameLength || !head.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return new ParsedCommand(head.ToLowerInvariant(), argument, addressedTo);
    }

    /// <summary>True when the command names another bot ("/help@OtherBot"), which we must leave alone.</summary>
    public static bool IsForAnotherBot(ParsedCommand command, string? ourUsername) =>
        command.AddressedTo is { Length: > 0 } target && ourUsername is { Length: > 0 } &&
        !string.Equals(target, ourUsername.TrimStart('@'), StringComparison.OrdinalIgnoreCase);
}
