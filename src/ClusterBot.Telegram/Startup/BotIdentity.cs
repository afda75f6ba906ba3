namespace ClusterBot.Telegram.Startup;

/// <summary>Who the bot is, from getMe at start: its id (to spot replies to it) and @username (to spot mentions).</summary>
public sealed class BotIdentity
{
    private volatile Snapshot? _current;

    public bool IsKnown => _current is not null;

    public long Id => Current.Id;

    public string Username => Current.Username;

    private Snapshot Current => _current ?? throw new InvalidOperationException("The bot's identity is read from getMe at start; start-up has not run.");

    public void Set(long id, string username) => _current = new Snapshot(id, username.TrimStart('@'));

    private sealed record Snapshot(long Id, string Username);
}
