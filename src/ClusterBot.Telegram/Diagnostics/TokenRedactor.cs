using Microsoft.Extensions.Options;

namespace ClusterBot.Telegram.Diagnostics;

/// <summary>
/// Masks the bot token in text bound for a log: the token sits in every Bot API URL, so any message that
/// might quote a URL (network errors do) passes through here first.
/// </summary>
public sealed class TokenRedactor(IOptions<TelegramOptions> options)
{
    private readonly string? _token = string.IsNullOrWhiteSpace(options.Value.Token) ? null : options.Value.Token.Trim();

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (_token is null) return text;
        var redacted = text.Replace(_token, "<token>", StringComparison.Ordinal);
        // The secret half alone identifies the bot as well.
        var colon = _token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? redacted.Replace(_token[(colon + 1)..], "<token>", StringComparison.Ordinal) : redacted;
    }

    /// <summary>An exception summarised as type and redacted message, innermost cause included.</summary>
    public string Describe(Exception exception)
    {
        var root = exception;
        while (root.InnerException is not null) root = root.InnerException;
        var outer = $"{exception.GetType().Name}: {Redact(exception.Message)}";
        return ReferenceEquals(root, exception) ? outer : $"{outer} ({root.GetType().Name}: {Redact(root.Message)})";
    }
}
