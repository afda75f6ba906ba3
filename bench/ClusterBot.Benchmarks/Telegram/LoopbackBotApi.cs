using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Benchmarks.Telegram;

/// <summary>
/// The part of the Bot API the pipeline uses, on 127.0.0.1, in Telegram's wire format: getMe, a long-polled
/// getUpdates that keeps updates until an offset acknowledges them, sendMessage (counted, so a benchmark can
/// wait for its replies), and {"ok":true} for the rest. Kept lean: it shares the machine with the bot.
/// </summary>
public sealed class LoopbackBotApi : IAsyncDisposable
{
    public const string Token = "6123456789:AAF3kTq9Zx_p4Lr-8vWmN2yBc7dHsJeUo0Q";
    private const long BotId = 6123456789;

    private static readonly byte[] GetMeReply = Encoding.UTF8.GetBytes(
        """{"ok":true,"result":{"id":6123456789,"is_bot":true,"first_name":"ClusterBot","username":"ClusterBot","can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":true}}""");
    private static readonly byte[] TrueReply = Encoding.UTF8.GetBytes("""{"ok":true,"result":true}""");

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Queue<(int Id, string Json)> _pending = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _delivered;
    private int _messageIds;
    private (int Target, TaskCompletionSource Done)? _waiter;

    private LoopbackBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int Delivered => Volatile.Read(ref _delivered);

    public static async Task<LoopbackBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new LoopbackBotApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    /// <summary>A private-chat message as Telegram sends it, with the bot_command entity a leading /command gets.</summary>
    public static string PrivateText(int updateId, long userId, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Anna", ["language_code"] = "ru" },
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Anna" },
            ["date"] = 1_700_000_000,
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message }.ToJsonString();
    }

    public void Enqueue(IEnumerable<(int Id, string Json)> updates)
    {
        lock (_gate)
        {
            foreach (var u in updates) _pending.Enqueue(u);
        }

        _arrived.Release();
    }

    /// <summary>Completes once <paramref name="target"/> messages have been delivered in all.</summary>
    public Task WaitForDelivered(int target)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_delivered >= target) return Task.CompletedTask;
            _waiter = (target, done);
        }

        return done.Task;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var method = path[(path.LastIndexOf('/') + 1)..];
        context.Response.ContentType = "application/json";
        switch (method)
        {
            case "getMe":
                await context.Response.Body.WriteAsync(GetMeReply);
                return;
            case "getUpdates":
                await GetUpdates(context);
                return;
            case "sendMessage":
                await SendMessage(context);
                return;
            default:
                await context.Response.Body.WriteAsync(TrueReply);
                return;
        }
    }

    private async Task GetUpdates(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        int? offset = root.TryGetProperty("offset", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : null;
        var limit = root.TryGetProperty("limit", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : 100;
        var timeout = root.TryGetProperty("timeout", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt32() : 0;
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            var batch = new List<string>();
            lock (_gate)
            {
                while (offset is { } acked && _pending.TryPeek(out var head) && head.Id < acked) _pending.Dequeue();
                foreach (var (_, json) in _pending)
                {
                    if (batch.Count == limit) break;
                    batch.Add(json);
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (batch.Count > 0 || left <= TimeSpan.Zero)
            {
                await context.Response.WriteAsync("{\"ok\":true,\"result\":[" + string.Join(',', batch) + "]}");
                return;
            }

            try
            {
                await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SendMessage(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var chatId = body.RootElement.GetProperty("chat_id").GetInt64();
        var reply = new JsonObject
        {
            ["ok"] = true,
            ["result"] = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref _messageIds),
                ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = "ClusterBot" },
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Anna" },
                ["date"] = 1_700_000_000,
                ["text"] = "ok",
            },
        };
        await context.Response.WriteAsync(reply.ToJsonString());

        TaskCompletionSource? done = null;
        lock (_gate)
        {
            _delivered++;
            if (_waiter is { } w && _delivered >= w.Target)
            {
                done = w.Done;
                _waiter = null;
            }
        }

        done?.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
