using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Testing.Telegram;

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
/// sendMessage is checked like Telegram checks it (length, HTML), so a bad reply is a 400, not a pass, and it
/// can be gated: past a number of deliveries every further call is held open, undelivered, so a test knows
/// exactly which replies existed when the bot stopped or was killed. The same server serves the in-process
/// tests, the app run as a process and the throughput benchmark; the benchmark turns the costly parts off.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const long BotId = 6123456789;
    public const string Username = "ClusterBot";

    /// <summary>Shaped like a BotFather token: the bot id, a colon, 35 characters of secret.</summary>
    public const string Token = "6123456789:AAF3kTq9Zx_p4Lr-8vWmN2yBc7dHsJeUo0Q";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<(int Id, string Json)> _pending = [];
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description, int? RetryAfter)>> _faults = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Html)>> _pages = new();
    private readonly ConcurrentDictionary<string, int> _drops = new();
    private readonly ConcurrentDictionary<(long Chat, long Message), bool> _deleted = new();
    private readonly ConcurrentDictionary<long, bool> _forums = new();
    private readonly ConcurrentDictionary<long, long> _migrated = new();
    private readonly ConcurrentDictionary<long, int> _repliesByChat = new();
    private readonly List<(int Target, TaskCompletionSource Done)> _deliveryWaiters = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private int _delivered;
    private int _held;
    private int _ackedBelow;
    private int _messageIds = 1000;

    private FakeBotApi(WebApplication app) => _app = app;

    /// <summary>The token's secret, the part after the colon: what must never appear in a log.</summary>
    public static string Secret => Token[(Token.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Keep every call (<see cref="Calls"/>) and every delivered reply (<see cref="Sent"/>) with its body.
    /// Off for a benchmark, where the log would only grow; the counters are kept either way.
    /// </summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Check sendMessage's HTML as Telegram does. Off for a benchmark: the check costs more than the fake.</summary>
    public bool ValidateHtml { get; set; } = true;

    /// <summary>getUpdates ignores offsets: the process "dies" before its acknowledgement reaches Telegram.</summary>
    public bool LoseAcknowledgements { get; set; }

    /// <summary>
    /// sendMessage calls past this many deliveries are held open until the caller gives up and are never
    /// delivered: 0 holds every reply (one in flight at shutdown); null, the default, holds none.
    /// </summary>
    public int? DeliverAtMost { get; set; }

    /// <summary>Every call, faulted attempts included, in arrival order (while <see cref="RecordCalls"/>).</summary>
    public IReadOnlyList<ApiCall> Calls => _calls.ToList();

    /// <summary>sendMessage calls that Telegram would have delivered (while <see cref="RecordCalls"/>).</summary>
    public ConcurrentQueue<ApiCall> Sent { get; } = new();

    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>sendMessage calls being held open by the delivery gate right now.</summary>
    public int Held => Volatile.Read(ref _held);

    public int AckedBelow => Volatile.Read(ref _ackedBelow);

    public IReadOnlyDictionary<long, int> RepliesByChat => _repliesByChat;

    /// <summary>Calls of the method, faulted ones included.</summary>
    public int Attempts(string method) => _attempts.GetValueOrDefault(method);

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public void Enqueue(params JsonObject[] updates)
    {
        // Serialized once here, not on every poll that returns them.
        var entries = updates.Select(u => ((int)u["update_id"]!, u.ToJsonString())).ToList();
        lock (_gate) _pending.AddRange(entries);
        _arrived.Release();
    }

    /// <summary>The next <paramref name="times"/> calls of the method fail with Telegram's error envelope.</summary>
    public void Fail(string method, int errorCode, string description, int? retryAfter = null, int times = 1)
    {
        var queue = _faults.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++) queue.Enqueue((errorCode, description, retryAfter));
    }

    /// <summary>The next <paramref name="times"/> calls of the method are answered by a proxy in front of Telegram: an HTML page, not JSON.</summary>
    public void FailWithPage(string method, int status, string html, int times = 1)
    {
        var queue = _pages.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++) queue.Enqueue((status, html));
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of the method lose their connection before any answer: the request
    /// is read, nothing is delivered, and the socket is aborted ("the response ended prematurely").
    /// </summary>
    public void Drop(string method, int times = 1) => _drops.AddOrUpdate(method, times, (_, n) => n + times);

    /// <summary>The chat is a forum supergroup: a reply in a topic cannot fall back to no quote.</summary>
    public void Forum(long chatId) => _forums[chatId] = true;

    /// <summary>The message is deleted: a reply that quotes it finds nothing to quote.</summary>
    public void Delete(long chatId, long messageId) => _deleted[(chatId, messageId)] = true;

    /// <summary>The group was upgraded to a supergroup: sends to the old id are refused with the new one.</summary>
    public void Migrate(long groupId, long supergroupId) => _migrated[groupId] = supergroupId;

    public static async Task WaitUntil(Func<bool> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Whether the bot has nothing left to handle (its inbox is empty), as the bot under test tells it; null: not known.
    /// The bot acknowledges an update as soon as it is in its inbox, so an acknowledgement alone does not mean answered.
    /// </summary>
    public Func<bool>? Settled { get; set; }

    /// <summary>Waits until the bot has acknowledged (moved its offset past) the given update, and handled what it took in.</summary>
    public Task WaitForAck(int updateId) => WaitUntil(() => AckedBelow > updateId && (Settled?.Invoke() ?? true), $"acknowledgement of update {updateId}");

    /// <summary>Completes once <paramref name="target"/> replies have been delivered in all, without polling.</summary>
    public Task WaitForDelivered(int target)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_delivered >= target) return Task.CompletedTask;
            _deliveryWaiters.Add((target, done));
        }

        return done.Task;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var slash = path.LastIndexOf('/');
        if (!path.StartsWith("/bot", StringComparison.Ordinal) || slash <= 4 || !path.AsSpan(4, slash - 4).SequenceEqual(Token))
        {
            await Reply(context, 404, Error(404, "Not Found"));
            return;
        }

        var method = path[(slash + 1)..];
        // An upload (sendPhoto) is multipart/form-data: its fields become the call's body, its files are kept apart.
        var text = context.Request.HasFormContentType ? await FormAsJson(context.Request, method) : await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        var call = new ApiCall(method, RecordCalls ? document.RootElement.Clone() : document.RootElement);
        _attempts.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (RecordCalls) _calls.Enqueue(call);

        if (TakeDrop(method))
        {
            context.Abort();
            return;
        }

        if (_pages.TryGetValue(method, out var pages) && pages.TryDequeue(out var page))
        {
            context.Response.StatusCode = page.Status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(page.Html);
            return;
        }

        if (_faults.TryGetValue(method, out var faults) && faults.TryDequeue(out var fault))
        {
            await Reply(context, fault.Code, Error(fault.Code, fault.Description, fault.RetryAfter));
            return;
        }

        switch (method)
        {
            case "getMe":
                await Ok(context, BotUser(full: true));
                return;
            case "getUpdates":
                await GetUpdates(context, call);
                return;
            case "sendMessage":
                await SendMessage(context, call);
                return;
            case "sendPoll":
                await SendPoll(context, call);
                return;
            case "sendPhoto":
                await SendPhoto(context, call);
                return;
            default:
                await Ok(context, true);
                return;
        }
    }

    private bool TakeDrop(string method)
    {
        while (_drops.TryGetValue(method, out var left) && left > 0)
        {
            if (_drops.TryUpdate(method, left - 1, left)) return true;
        }

        return false;
    }

    private async Task GetUpdates(HttpContext context, ApiCall call)
    {
        var offset = (int?)call.Number("offset");
        var limit = (int)(call.Number("limit") ?? 100);
        var deadline = DateTime.UtcNow.AddSeconds(call.Number("timeout") ?? 0);
        while (true)
        {
            string[] batch;
            lock (_gate)
            {
                if (offset is { } acked && !LoseAcknowledgements)
                {
                    _pending.RemoveAll(u => u.Id < acked);
                    if (acked > _ackedBelow) _ackedBelow = acked;
                }

                batch = [.. _pending.Where(u => offset is null || u.Id >= offset).Take(limit).Select(u => u.Json)];
            }

            var left = deadline - DateTime.UtcNow;
            if (batch.Length > 0 || left <= TimeSpan.Zero)
            {
                await Reply(context, 200, "{\"ok\":true,\"result\":[" + string.Join(',', batch) + "]}");
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
        var text = call.Str("text") ?? "";
        if (Rejection(call, text) is { } description)
        {
            await Reply(context, 400, Error(400, description));
            return;
        }

        var chatId = call.Number("chat_id") ?? 0;
        if (_migrated.TryGetValue(chatId, out var supergroup))
        {
            await Reply(context, 400, Error(400, "Bad Request: group chat was upgraded to a supergroup chat", migrateTo: supergroup));
            return;
        }

        if (QuotesDeleted(call, chatId))
        {
            // Outside a topic Telegram may drop the quote when asked to; a reply in a forum topic cannot.
            var fallBack = call.Obj("reply_parameters")!.Value.TryGetProperty("allow_sending_without_reply", out var allow) && allow.ValueKind == JsonValueKind.True;
            if (!fallBack || _forums.ContainsKey(chatId))
            {
                await Reply(context, 400, Error(400, "Bad Request: message to be replied not found"));
                return;
            }
        }

        if (!TryDeliver(call, chatId))
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

        await Ok(context, new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageIds),
            ["from"] = BotUser(full: false),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["message_thread_id"] = call.Number("message_thread_id") is { } thread ? thread : null,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        });
        // Waiters learn of a reply once its answer is on the wire, as the bot does.
        ReleaseDeliveryWaiters();
    }

    private bool QuotesDeleted(ApiCall call, long chatId) =>
        call.Obj("reply_parameters") is { } reply && reply.TryGetProperty("message_id", out var id) && _deleted.ContainsKey((chatId, id.GetInt64()));

    /// <summary>Quiz polls delivered, with the poll id each was given: what a poll_answer names.</summary>
    public ConcurrentQueue<(string PollId, ApiCall Call)> Polls { get; } = new();

    /// <summary>Photos delivered: the call (its fields) and the uploaded file's bytes.</summary>
    public ConcurrentQueue<(ApiCall Call, byte[] File)> Photos { get; } = new();

    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();
    private long _pollIds = 5_120_924_723_000;

    private async Task<string> FormAsJson(HttpRequest request, string method)
    {
        var form = await request.ReadFormAsync();
        var body = new JsonObject();
        foreach (var (key, value) in form)
        {
            // Telegram.Bot writes numbers and objects as JSON text in the fields; anything else is a plain string.
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(value.ToString());
            }
            catch (JsonException)
            {
                node = JsonValue.Create(value.ToString());
            }

            body[key] = node;
        }

        foreach (var file in form.Files)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy);
            _uploads[method + ":" + file.Name] = copy.ToArray();
            // A file sent under the parameter's own name; one under another name is what "attach://<name>" points to.
            if (!body.ContainsKey(file.Name)) body[file.Name] = "attach://" + file.Name;
        }

        return body.ToJsonString();
    }

    /// <summary>sendPoll, checked as Telegram checks a quiz: 1–300 characters of question, 2–12 options of 1–100, one right option, an explanation of at most 200 characters and 2 line feeds.</summary>
    private async Task SendPoll(HttpContext context, ApiCall call)
    {
        var question = call.Str("question") ?? "";
        var options = call.Obj("options") is { ValueKind: JsonValueKind.Array } o ? o.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetProperty("text").GetString()!).ToList() : [];
        var correct = call.Obj("correct_option_ids") is { ValueKind: JsonValueKind.Array } ids ? ids.EnumerateArray().Select(i => i.GetInt32()).ToList()
            : call.Number("correct_option_id") is { } one ? [(int)one] : [];
        var explanation = call.Str("explanation") ?? "";
        var problem =
            question.Length is 0 or > 300 ? "Bad Request: poll question length must not exceed 300" :
            options.Count is < 2 or > 12 ? "Bad Request: poll must have at least 2 option" :
            options.Any(x => x.Length is 0 or > 100) ? "Bad Request: poll options length must not exceed 100" :
            call.Str("type") == "quiz" && (correct.Count == 0 || correct.Any(c => c < 0 || c >= options.Count)) ? "Bad Request: wrong correct option ids specified" :
            explanation.Length > 200 || explanation.Count(c => c == '\n') > 2 ? "Bad Request: explanation is too long" : null;
        if (problem is not null)
        {
            await Reply(context, 400, Error(400, problem));
            return;
        }

        var chatId = call.Number("chat_id") ?? 0;
        var pollId = Interlocked.Increment(ref _pollIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Polls.Enqueue((pollId, call));
        var poll = new JsonObject
        {
            ["id"] = pollId, ["question"] = question,
            ["options"] = new JsonArray([.. options.Select(x => (JsonNode)new JsonObject { ["text"] = x, ["voter_count"] = 0 })]),
            ["total_voter_count"] = 0, ["is_closed"] = false, ["is_anonymous"] = call.Body.TryGetProperty("is_anonymous", out var a) && a.ValueKind == JsonValueKind.False ? false : true,
            ["type"] = call.Str("type") ?? "regular", ["allows_multiple_answers"] = false,
        };
        if (correct.Count > 0)
        {
            poll["correct_option_id"] = correct[0];
            poll["correct_option_ids"] = new JsonArray([.. correct.Select(c => (JsonNode)c)]);
        }

        if (explanation.Length > 0) poll["explanation"] = explanation;
        await Ok(context, SentMessage(chatId, m => m["poll"] = poll));
    }

    /// <summary>sendPhoto with an uploaded file: a caption of at most 1024 characters, HTML that parses, a file that is there.</summary>
    private async Task SendPhoto(HttpContext context, ApiCall call)
    {
        var caption = call.Str("caption") ?? "";
        var photo = call.Str("photo") ?? "";
        var part = photo.StartsWith("attach://", StringComparison.Ordinal) ? photo["attach://".Length..] : "photo";
        var file = _uploads.TryRemove("sendPhoto:" + part, out var bytes) ? bytes : null;
        var problem = file is null or { Length: 0 } ? "Bad Request: there is no photo in the request" :
            caption.Length > 1024 ? "Bad Request: message caption is too long" :
            ValidateHtml && string.Equals(call.Str("parse_mode"), "HTML", StringComparison.OrdinalIgnoreCase) && TelegramHtmlValidator.Problem(caption) is { } p ? "Bad Request: can't parse entities: " + p : null;
        if (problem is not null)
        {
            await Reply(context, 400, Error(400, problem));
            return;
        }

        Photos.Enqueue((call, file!));
        var chatId = call.Number("chat_id") ?? 0;
        await Ok(context, SentMessage(chatId, m =>
        {
            m["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgACAgIAAxkBAAIB", ["file_unique_id"] = "AQADAgAT", ["width"] = 1200, ["height"] = 600 });
            if (caption.Length > 0) m["caption"] = caption;
        }));
    }

    private JsonObject SentMessage(long chatId, Action<JsonObject> content)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _messageIds),
            ["from"] = BotUser(full: false),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        content(message);
        return message;
    }

    /// <summary>What Telegram answers 400 to: an empty or overlong text, HTML it cannot parse.</summary>
    private string? Rejection(ApiCall call, string text)
    {
        if (text.Length == 0) return "Bad Request: message text is empty";
        if (text.Length > 4096) return "Bad Request: message is too long";
        if (ValidateHtml && string.Equals(call.Str("parse_mode"), "HTML", StringComparison.OrdinalIgnoreCase) && TelegramHtmlValidator.Problem(text) is { } problem)
        {
            return "Bad Request: can't parse entities: " + problem;
        }

        return null;
    }

    private bool TryDeliver(ApiCall call, long chatId)
    {
        lock (_gate)
        {
            // Decided under the lock, so the count never overshoots the gate.
            if (DeliverAtMost is { } limit && _delivered >= limit) return false;
            _delivered++;
            _repliesByChat.AddOrUpdate(chatId, 1, (_, n) => n + 1);
        }

        if (RecordCalls) Sent.Enqueue(call);
        return true;
    }

    private void ReleaseDeliveryWaiters()
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            if (_deliveryWaiters.Count == 0) return;
            done = [.. _deliveryWaiters.Where(w => _delivered >= w.Target).Select(w => w.Done)];
            _deliveryWaiters.RemoveAll(w => _delivered >= w.Target);
        }

        foreach (var d in done) d.TrySetResult();
    }

    private static JsonObject BotUser(bool full)
    {
        var user = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "ClusterBot", ["username"] = Username };
        if (full)
        {
            // What getMe adds about the bot's settings in BotFather.
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = true;
        }

        return user;
    }

    private static JsonObject Error(int code, string description, int? retryAfter = null, long? migrateTo = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } r) error["parameters"] = new JsonObject { ["retry_after"] = r };
        if (migrateTo is { } m) error["parameters"] = new JsonObject { ["migrate_to_chat_id"] = m };
        return error;
    }

    private static Task Ok(HttpContext context, JsonNode result) => Reply(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static Task Reply(HttpContext context, int status, JsonObject body) => Reply(context, status, body.ToJsonString());

    private static async Task Reply(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
