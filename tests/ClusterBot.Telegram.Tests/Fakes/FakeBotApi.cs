using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClusterBot.Telegram.Tests.Fakes;

/// <summary>One call the bot made: the method and its JSON body.</summary>
public sealed record ApiCall(string Method, JsonElement Body)
{
    public string? Str(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public long? Number(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    public JsonElement? Obj(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
}

/// <summary>
/// A Bot API server on 127.0.0.1 speaking Telegram's wire format: POST /bot&lt;token&gt;/&lt;method&gt; with a JSON
/// body, answered with {"ok":true,"result":…} or the error envelope. getUpdates behaves like Telegram's:
/// updates stay until a later call's offset acknowledges them, and an empty queue is long-polled.
/// sendMessage is checked like Telegram checks it (length, HTML), so a bad reply is a 400, not a pass.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 7000001;
    public const string Username = "ClusterBot";
    public const string Token = "7000001:AAEtestSECRETvalue_abcdefghijklmnop";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<JsonObject> _pending = [];
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description, int? RetryAfter)>> _faults = new();
    private SemaphoreSlim _arrived = new(0);
    private int _ackedBelow;
    private int _messageIds = 1000;

    private FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every call, faulted attempts included, in arrival order.</summary>
    public IReadOnlyList<ApiCall> Calls => _calls.ToList();

    /// <summary>sendMessage calls that Telegram would have delivered.</summary>
    public ConcurrentQueue<ApiCall> Sent { get; } = new();

    /// <summary>getUpdates ignores offsets: the process "dies" before its acknowledgement reaches Telegram.</summary>
    public bool LoseAcknowledgements { get; set; }

    /// <summary>sendMessage hangs until the caller gives up: a reply in flight at shutdown.</summary>
    public bool HoldSendMessage { get; set; }

    public int AckedBelow => Volatile.Read(ref _ackedBelow);

    public int Attempts(string method) => _calls.Count(c => c.Method == method);

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

    public static async Task WaitUntil(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the bot has acknowledged (moved its offset past) the given update.</summary>
    public Task WaitForAck(int updateId) => WaitUntil(() => AckedBelow > updateId, $"acknowledgement of update {updateId}");

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
        var body = text.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(text).RootElement.Clone();
        var call = new ApiCall(method, body);
        _calls.Enqueue(call);

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
                await GetUpdates(context, call);
                return;
            case "sendMessage":
                await SendMessage(context, call);
                return;
            default:
                await Ok(context, true);
                return;
        }
    }

    private async Task GetUpdates(HttpContext context, ApiCall call)
    {
        var offset = (int?)call.Number("offset");
        var limit = (int)(call.Number("limit") ?? 100);
        var timeout = call.Number("timeout") ?? 0;
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            JsonArray result;
            lock (_gate)
            {
                if (offset is { } o && !LoseAcknowledgements)
                {
                    _pending.RemoveAll(u => (int)u["update_id"]! < o);
                    if (o > _ackedBelow) _ackedBelow = o;
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

    private async Task SendMessage(HttpContext context, ApiCall call)
    {
        if (HoldSendMessage)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var text = call.Str("text") ?? "";
        if (text.Length is 0 or > 4096)
        {
            await Reply(context, 400, Error(400, text.Length == 0 ? "Bad Request: message text is empty" : "Bad Request: message is too long"));
            return;
        }

        if (string.Equals(call.Str("parse_mode"), "HTML", StringComparison.OrdinalIgnoreCase) && TelegramHtmlValidator.Problem(text) is { } problem)
        {
            await Reply(context, 400, Error(400, "Bad Request: can't parse entities: " + problem));
            return;
        }

        Sent.Enqueue(call);
        var chatId = call.Number("chat_id") ?? 0;
        await Ok(context, new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageIds),
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = Username },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        });
    }

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
