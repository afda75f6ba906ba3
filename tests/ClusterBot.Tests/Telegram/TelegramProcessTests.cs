using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClusterBot.Testing;
using ClusterBot.Testing.Telegram;
using Microsoft.Data.Sqlite;

namespace ClusterBot.Tests.Telegram;

/// <summary>
/// The built app as an operator runs it, with a Telegram token, against a fake Bot API on 127.0.0.1: what it
/// logs, how it survives SIGKILL mid-batch, and how it stops on SIGTERM.
/// </summary>
public sealed partial class TelegramProcessTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new();
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private string Database => _temp.File("bot.db");

    private Dictionary<string, string> Env(Action<Dictionary<string, string>>? configure = null)
    {
        var env = new Dictionary<string, string>
        {
            ["Telegram__Token"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = _api.BaseUrl,
            ["Telegram__TransientRetryDelay"] = "00:00:00.100",
            ["Storage__Path"] = Database,
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        configure?.Invoke(env);
        return env;
    }

    private static BotProcess Start(Dictionary<string, string> env) => BotProcess.Start(env);

    private static void AssertNoToken(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Assert.False(line.Contains(FakeBotApi.Secret, StringComparison.Ordinal), "The bot token's secret was logged: " + line);
            Assert.False(line.Contains(FakeBotApi.Token, StringComparison.Ordinal), "The bot token was logged: " + line);
            Assert.False(line.Contains(Uri.EscapeDataString(FakeBotApi.Token), StringComparison.Ordinal), "The bot token was logged, URL-encoded: " + line);
        }
    }

    /// <summary>
    /// What a failed start must look like to an operator: exit code 1, and on stderr exactly one line that says
    /// what went wrong, with no stack trace. The routine Information lines of any start and stop (knowledge
    /// imported, the host's lifetime messages) may surround it; every other line counts as a problem report.
    /// </summary>
    /// <param name="retried">A network error is retried before start-up gives up; each retry is announced on its own line.</param>
    private static async Task AssertFailsWithOneLine(BotProcess run, string expected, bool retried = false)
    {
        Assert.Equal(1, await run.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain(run.Lines, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("out| ", StringComparison.Ordinal));
        var problems = run.Lines.Select(l => l["err| ".Length..]).Where(l => !IsRoutine(l)).ToList();
        if (retried)
        {
            // One retry (MaxTransientRetries is 1), then the line that says why start-up gave up.
            Assert.Equal(1, problems.RemoveAll(l => l.Contains("Bot API call failed", StringComparison.Ordinal)));
        }

        var problem = Assert.Single(problems);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private static bool IsRoutine(string line)
    {
        if (!line.StartsWith('{')) return RoutineSimpleLine().IsMatch(line);
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("LogLevel").GetString() is "Trace" or "Debug" or "Information";
    }

    [GeneratedRegex(@"^\d\d:\d\d:\d\d (trce|dbug|info): ")]
    private static partial Regex RoutineSimpleLine();


    [Theory]
    [InlineData("simple")]
    [InlineData("json")]
    public async Task A_whole_run_with_errors_and_shutdown_never_logs_the_token(string formatter)
    {
        var port = LoopbackPort.Free();
        // Trouble on the way, each kind logged by a different part: a failed poll, a 429 then a 500 on one reply.
        _api.Fail("getUpdates", 502, "Bad Gateway");
        _api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        _api.Fail("sendMessage", 500, "Internal Server Error");
        using var bot = Start(Env(e =>
        {
            e["Logging__Console__FormatterName"] = formatter;
            e["Http__Urls"] = $"http://127.0.0.1:{port}";
        }));
        await bot.WaitForLine("started in Polling mode");

        _api.Enqueue(
            Updates.PrivateText(1, 4001, "/country korea"),
            Updates.PrivateText(2, 4002, "сколько кластеров было в Корее к 2012 году?"),
            Updates.PrivateText(3, 4003, "/programme torch", "en"),
            Updates.PrivateText(4, 4004, FakeBotApi.Token));
        await Eventually.True(() => _api.AckedBelow > 4, "all four updates acknowledged", context: () => bot.Output);

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
            using var readiness = JsonDocument.Parse(body);
            Assert.True(readiness.RootElement.GetProperty("telegram").GetProperty("ready").GetBoolean(), body);
        }

        await bot.TerminateAsync();
        Assert.Equal(0, await bot.WaitForExitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(4, _api.Delivered);
        Assert.All(new long[] { 4001, 4002, 4003, 4004 }, chat => Assert.Equal(1, _api.RepliesByChat[chat]));
        Assert.Equal(3 + 3, _api.Attempts("sendMessage")); // 429, 500, then the reply; one each for the others
        // The scan below means something only if the faults were logged at all.
        var output = bot.Output;
        Assert.Contains("getUpdates failed", output, StringComparison.Ordinal);
        Assert.Contains("waiting 1 s", output, StringComparison.Ordinal);
        Assert.Contains("Bot API call failed (500", output, StringComparison.Ordinal);
        Assert.Contains("polling stopped", output, StringComparison.Ordinal);
        AssertNoToken(bot.Lines);
        if (formatter == "json")
        {
            // Structured logs: every stderr line is one JSON object a collector can parse.
            Assert.All(bot.Lines.Where(l => l.StartsWith("err| ", StringComparison.Ordinal)), l => JsonDocument.Parse(l[5..]).Dispose());
        }
    }

    [Fact]
    public async Task Failed_starts_exit_1_with_a_clear_line_and_never_log_the_token()
    {
        // Telegram refuses the token.
        _api.Fail("getMe", 401, "Unauthorized");
        using var refused = Start(Env());
        await AssertFailsWithOneLine(refused, "getMe was refused or unreachable (401 Unauthorized)");
        // The one line is the adapter's; the host does not report the failed start again.
        Assert.Single(refused.Lines, l => l.Contains("crit: ClusterBot.Telegram.Startup.TelegramStartup", StringComparison.Ordinal));

        // The same, with structured logs.
        _api.Fail("getMe", 401, "Unauthorized");
        using var refusedJson = Start(Env(e => e["Logging__Console__FormatterName"] = "json"));
        await AssertFailsWithOneLine(refusedJson, "getMe was refused");

        // The same with the web server on: stopping must not cancel its start (which the host would report).
        _api.Fail("getMe", 401, "Unauthorized");
        using var refusedWeb = Start(Env(e => e["Http__Urls"] = $"http://127.0.0.1:{LoopbackPort.Free()}"));
        await AssertFailsWithOneLine(refusedWeb, "getMe was refused or unreachable (401 Unauthorized)");

        // Nothing listens there: the network error names the address, and the address must not carry the token.
        var closed = LoopbackPort.Free();
        using var unreachable = Start(Env(e =>
        {
            e["Telegram__ApiBaseUrl"] = $"http://127.0.0.1:{closed}";
            e["Telegram__MaxTransientRetries"] = "1";
        }));
        await AssertFailsWithOneLine(unreachable, "getMe was refused or unreachable", retried: true);
        Assert.Contains(unreachable.Lines, l => l.Contains($"getMe was refused or unreachable", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{closed}", StringComparison.Ordinal));

        // A token with a typo in it is refused before any call, without being echoed.
        using var malformed = Start(Env(e => e["Telegram__Token"] = FakeBotApi.Token.Replace('_', '!')));
        await AssertFailsWithOneLine(malformed, "Telegram:Token is malformed");

        foreach (var run in new[] { refused, refusedJson, refusedWeb, unreachable, malformed })
        {
            AssertNoToken(run.Lines);
            Assert.DoesNotContain(run.Lines, l => l.Contains(FakeBotApi.Token.Replace('_', '!')[11..], StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Kill_9_mid_batch_then_restart_answers_every_update_exactly_once()
    {
        const int updates = 40;
        const int deliveredBeforeKill = 12;
        _api.DeliverAtMost = deliveredBeforeKill;
        _api.Enqueue(Enumerable.Range(1, updates).Select(i => Updates.PrivateText(i, 5000 + i, i % 2 == 0 ? "/country korea" : "/country germany")).ToArray());

        using (var first = Start(Env()))
        {
            // The kill lands when some replies are out (and recorded as such), others are on the wire, the rest not started.
            await Eventually.True(() => _api.Delivered == deliveredBeforeKill && _api.Held > 0 && SentInLedger() == deliveredBeforeKill,
                "a batch half answered", context: () => first.Output);
            first.KillHard();
            Assert.NotNull(await first.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        // Everything fetched was acknowledged once it was in the store's inbox; nothing was answered twice.
        Assert.All(Enumerable.Range(1, updates), i => Assert.InRange(_api.RepliesByChat.GetValueOrDefault(5000 + i), 0, 1));
        await Eventually.True(() => _api.Held == 0, "the dead process's calls to drop");

        _api.DeliverAtMost = null;
        using var second = Start(Env());
        // The restart drains the inbox the dead process left, the updates it was answering included.
        await Eventually.True(() => _api.Delivered == updates, "every update answered after restart", context: () => second.Output);
        await second.TerminateAsync();
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(updates, _api.Delivered);
        Assert.All(Enumerable.Range(1, updates), i => Assert.Equal(1, _api.RepliesByChat.GetValueOrDefault(5000 + i)));
        Assert.Equal(updates, SentInLedger());
    }

    [Fact]
    public async Task SIGTERM_with_a_reply_in_flight_exits_0_within_10_s_and_the_update_is_answered_once_after_restart()
    {
        _api.DeliverAtMost = 0;
        using (var first = Start(Env()))
        {
            await first.WaitForLine("started in Polling mode");
            _api.Enqueue(Updates.PrivateText(1, 6001, "/country china"));
            await Eventually.True(() => _api.Held == 1, "the reply in flight", context: () => first.Output);

            var stopping = Stopwatch.StartNew();
            await first.TerminateAsync();
            var exit = await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
            Assert.True(exit == 0, $"exit code {exit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} after {stopping.Elapsed}\n{first.Output}");
            Assert.Contains(first.Lines, l => l.Contains("interrupted by shutdown", StringComparison.Ordinal));
        }

        // Acknowledged as soon as it was in the store's inbox, where it waits, handed back, for the next run.
        Assert.True(_api.AckedBelow > 1, $"acknowledged below {_api.AckedBelow}");
        _api.DeliverAtMost = null;
        using var second = Start(Env());
        await Eventually.True(() => _api.RepliesByChat.GetValueOrDefault(6001) == 1, "the update answered after restart", context: () => second.Output);
        await second.TerminateAsync();
        Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _api.RepliesByChat[6001]);
    }

    /// <summary>Updates the store has recorded as answered: what the next run will skip.</summary>
    private int SentInLedger()
    {
        if (!File.Exists(Database)) return 0;
        try
        {
            using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM handled_updates WHERE platform = 'telegram' AND state = 'sent'";
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The schema is not there yet, or the writer holds a lock for a moment.
            return -1;
        }
    }
}
