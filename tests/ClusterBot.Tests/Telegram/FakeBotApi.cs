using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClusterBot.Tests.Telegram;

/// <summary>
/// A Bot API server on 127.0.0.1 for the app running as a separate process: POST /bot&lt;token&gt;/&lt;method&gt;
/// with a JSON body, answered with {"ok":true,"result":…} or Telegram's error envelope. getUpdates keeps
/// updates until a later offset acknowledges them and long-polls an empty queue, as Telegram does.
/// sendMessage can be gated: past a number of deliveries it holds every further call open, undelivered,
/// so a test knows exactly which replies existed when it killed the process.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 6123456789;
    public const string Username = "ClusterBot";

    /// <summary>Shaped like a BotFather token: the bot id, a colon, 35 characters of secret.</summary>
    public const string Token = "6123456789:AAF3kTq9Zx_p4Lr-8vWmN2yBc7dHsJeUo0Q";

    public static string Secret => Token[(Token.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly ConcurrentQueue<string> _methods = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description, int? RetryAfter)>> _faults = new();
    private readonly ConcurrentDictionary<long, int> _repliesByChat = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _delivered;
    private int _held;
    private int _ackedBelow;
    private int _messageIds = 1000;

    private FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>sendMessage calls past this many deliveries are held open and never delivered; null: no gate.</summary>
    public int? DeliverAtMost { get; set; }

    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>sendMessage calls being held open by the gate right now.</summary>
    public int Held => Volatile.Read(ref _held);

    public int AckedBelow => Volatile.Read(ref _ackedBelow);

    public IReadOnlyDictionary<long, int> RepliesByChat => _repliesByChat;

    public int Attempts(string method) => _methods.Count(m => m == method);

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public void Enqueue(params JsonObject[] updates)
    {
        lock (_gate) _pending.AddRange(updates);
        _arrived.Release();
    }

    /// <summary>The next <paramref name="times"/> calls of the method fail with Telegram's error envelope.</summary>
    public void Fail(string method, int errorCode, string description, int? retryAfter = null, int times = 1)
    {
        var queue = _faults.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++) queue.Enqueue((errorCode, description, retryAfter));
    }

    /// <summary>A private-chat text message as Telegram sends it, one chat per user.</summary>
    public static JsonObject PrivateText(int updateId, long chatId, string text, string languageCode = "ru")
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId * 10,
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Anna", ["language_code"] = languageCode },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Anna" },
            ["date"] = 1_700_000_000,
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash <= 4 || path[4..slash] != Token)
        {
            await Reply(context, 404, Error(404, "Not Found"));
            return;
        }

        var method = path[(slash + 1)..];
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        var body = document.RootElement;
        _methods.Enqueue(method);

        if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault))
        {
            await Reply(context, fault.Code, Error(fault.Code, fault.Description, fault.RetryAfter));
            return;
        }

        switch (method)
        {
            case "getMe":
                await Ok(context, new JsonObject
                {
                    ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = Username,
                    ["can_join_groups"] = true, ["can_read_all_group_messages"] = false, ["supports_inline_queries"] = true,
                });
                return;
            case "getUpdates":
                await GetUpdates(context, body);
                return;
            case "sendMessage":
                await SendMessage(context, body);
                return;
            default:
                await Ok(context, true);
                return;
        }
    }

    private async Task GetUpdates(HttpContext context, JsonElement body)
    {
        var offset = Number(body, "offset") is { } o ? (int)o : (int?)null;
        var limit = (int)(Number(body, "limit") ?? 100);
        var deadline = DateTime.UtcNow.AddSeconds(Number(body, "timeout") ?? 0);
        while (true)
        {
            JsonArray result;
            lock (_gate)
            {
                if (offset is { } acked)
                {
                    _pending.RemoveAll(u => (int)u["update_id"]! < acked);
                    if (acked > _ackedBelow) _ackedBelow = acked;
                }

                result = new JsonArray(_pending.Where(u => offset is null || (int)u["update_id"]! >= offset).Take(limit).Select(u => u.DeepClone()).ToArray());
            }

            var left = deadline - DateTime.UtcNow;
            if (result.Count > 0 || left <= TimeSpan.Zero)
            {
                await Ok(context, result);
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

    private async Task SendMessage(HttpContext context, JsonElement body)
    {
        var chatId = Number(body, "chat_id") ?? 0;
        bool deliver;
        lock (_gate)
        {
            // Delivery is decided atomically, so the count never overshoots the gate.
            deliver = DeliverAtMost is not { } limit || _delivered < limit;
            if (deliver)
            {
                _delivered++;
                _repliesByChat.AddOrUpdate(chatId, 1, (_, n) => n + 1);
            }
        }

        if (!deliver)
        {
            // Held: never delivered. The caller either gives up or dies; Telegram would have sent nothing.
            Interlocked.Increment(ref _held);
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }

            return;
        }

        var text = body.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        await Ok(context, new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageIds),
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = Username },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Anna" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        });
    }

    private static long? Number(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static JsonObject Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } r) error["parameters"] = new JsonObject { ["retry_after"] = r };
        return error;
    }

    private static Task Ok(HttpContext context, JsonNode result) => Reply(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static async Task Reply(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
