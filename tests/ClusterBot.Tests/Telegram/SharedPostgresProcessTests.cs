using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClusterBot.Testing;
using ClusterBot.Testing.Telegram;
using ClusterBot.Telegram.Webhook;

namespace ClusterBot.Tests.Telegram;

/// <summary>
/// Two built bot processes in webhook mode on one PostgreSQL database, as two servers behind a load balancer:
/// each process keeps its own knowledge file, and the handled-update ledger and the inbox are shared.
/// </summary>
public sealed class SharedPostgresProcessTests : IAsyncLifetime
{
    private const string Secret = "shared-Secret_7";
    private const string HookPath = "/telegram/webhook";
    private static readonly string[] Countries = ["/country korea", "/country germany", "/country china"];
    private static readonly string[] CountryWords = ["Корея", "Германия", "Китай"];

    private readonly TempFolder _temp = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private PostgresTestDatabase? _database;
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        _database?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    private sealed record Instance(BotProcess Process, string HookUrl, FakeBotApi Api) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private async Task<Instance> StartInstance(string name, FakeBotApi api, Action<Dictionary<string, string>>? configure = null)
    {
        _database ??= new PostgresTestDatabase();
        var port = LoopbackPort.Free();
        var env = new Dictionary<string, string>
        {
            ["Telegram__Token"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__TransientRetryDelay"] = "00:00:00.100",
            ["Telegram__Mode"] = "Webhook",
            ["Telegram__WebhookUrl"] = "https://bot.example.org" + HookPath,
            ["Telegram__WebhookSecret"] = Secret,
            ["Http__Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__Path"] = _temp.File(name + ".db"),
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = _database.ConnectionString,
            // Short leases so a takeover is quick to watch; the default is 20 s.
            ["Storage__LeaseSeconds"] = "3",
            ["DOTNET_ENVIRONMENT"] = "Production",
        };
        configure?.Invoke(env);
        var process = BotProcess.Start(env);
        await process.WaitForLine("started in Webhook mode", seconds: 60);
        // The adapter says it started before the web server listens (hosted services start first): on a loaded
        // machine the first post could find nothing listening yet.
        await WaitForListening(port, TimeSpan.FromSeconds(30));
        return new Instance(process, $"http://127.0.0.1:{port}{HookPath}", api);
    }

    private static async Task WaitForListening(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task<HttpStatusCode> Post(Instance instance, JsonObject update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, instance.HookUrl)
        {
            Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookEndpoint.SecretHeader, Secret);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>Chat c's n-th update asks for country n, so the order of a chat's replies shows the order of handling.</summary>
    private static List<(int Id, long Chat, int N)> Batch(int chats, int perChat) =>
        [.. Enumerable.Range(0, perChat).SelectMany(n => Enumerable.Range(0, chats).Select(c => (Id: 1 + n * chats + c, Chat: 7000L + c, N: n)))];

    private static void AssertEachChatAnsweredOnceInOrder(IEnumerable<FakeBotApi> apis, int chats, int perChat)
    {
        var sent = apis.SelectMany(a => a.Sent).ToList();
        Assert.Equal(chats * perChat, sent.Count);
        foreach (var chat in Enumerable.Range(0, chats).Select(c => 7000L + c))
        {
            var replies = sent.Where(s => s.Number("chat_id") == chat).Select(s => s.Str("text") ?? "").ToList();
            Assert.Equal(perChat, replies.Count);
            for (var n = 0; n < perChat; n++)
            {
                Assert.True(replies[n].Contains(CountryWords[n], StringComparison.Ordinal), $"chat {chat}, reply {n}: {replies[n]}");
            }
        }
    }

    [SkippableFact]
    public async Task The_same_updates_posted_to_both_instances_are_answered_once_each_in_each_chats_order()
    {
        const int chats = 6, perChat = 3;
        using var a = await StartInstance("a", _api);
        using var b = await StartInstance("b", _api);

        // A balancer that retries: every update reaches both instances, at about the same time.
        foreach (var (id, chat, n) in Batch(chats, perChat))
        {
            var update = Updates.PrivateText(id, chat, Countries[n]);
            var statuses = await Task.WhenAll(Post(a, update), Post(b, update));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        }

        await Eventually.True(() => _api.Delivered >= chats * perChat && _database!.Scalar("SELECT count(*) FROM inbox") == 0,
            "every update answered and the inbox empty", seconds: 60, context: () => a.Process.Output + "\n----\n" + b.Process.Output);
        // Late retries of every update, to both, after all were answered: the shared ledger remembers them.
        foreach (var (id, chat, n) in Batch(chats, perChat))
        {
            var update = Updates.PrivateText(id, chat, Countries[n]);
            Assert.All(await Task.WhenAll(Post(b, update), Post(a, update)), s => Assert.Equal(HttpStatusCode.OK, s));
        }

        await Eventually.True(() => _database!.Scalar("SELECT count(*) FROM inbox") == 0, "the retries to be skipped", seconds: 30);
        // Anything answered twice would arrive in this time.
        await Task.Delay(TimeSpan.FromSeconds(1));
        AssertEachChatAnsweredOnceInOrder([_api], chats, perChat);
        Assert.Equal(chats * perChat, _database!.Scalar("SELECT count(*) FROM handled_updates WHERE state = 'sent'"));

        await a.Process.TerminateAsync();
        await b.Process.TerminateAsync();
        Assert.Equal(0, await a.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, await b.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [SkippableFact]
    public async Task Kill_9_one_instance_mid_batch_and_the_other_takes_over_its_updates()
    {
        const int chats = 8, perChat = 3;
        // Each instance talks to its own fake Bot API, so the victim's replies can be held mid-batch while the
        // survivor's go through; what the two deliver together is what Telegram would show.
        await using var survivorApi = await FakeBotApi.StartAsync();
        _api.DeliverAtMost = 2;
        using var victim = await StartInstance("victim", _api, e => e["Telegram__WebhookWorkers"] = "4");
        using var survivor = await StartInstance("survivor", survivorApi);

        // The balancer sends everything to the victim.
        foreach (var (id, chat, n) in Batch(chats, perChat))
        {
            Assert.Equal(HttpStatusCode.OK, await Post(victim, Updates.PrivateText(id, chat, Countries[n])));
        }

        await Eventually.True(() => _api.Delivered == 2 && _api.Held > 0, "the victim with replies out and a reply in flight",
            seconds: 30, context: () => victim.Process.Output);
        victim.Process.KillHard();
        Assert.NotNull(await victim.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)));

        // Its leases run out (3 s) and the survivor answers what it held, in each chat's order.
        await Eventually.True(() => _api.Delivered + survivorApi.Delivered >= chats * perChat && _database!.Scalar("SELECT count(*) FROM inbox") == 0,
            "the survivor to finish the batch", seconds: 60, context: () => survivor.Process.Output);
        await Task.Delay(TimeSpan.FromSeconds(1));
        AssertEachChatAnsweredOnceInOrder([_api, survivorApi], chats, perChat);
        Assert.True(survivorApi.Delivered > 0);
        Assert.Equal(chats * perChat, _database!.Scalar("SELECT count(*) FROM handled_updates WHERE state = 'sent'"));

        await survivor.Process.TerminateAsync();
        Assert.Equal(0, await survivor.Process.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }
}
