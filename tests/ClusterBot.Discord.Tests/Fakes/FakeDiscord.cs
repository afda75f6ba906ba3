using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Discord.Tests.Fakes;

/// <summary>A REST request the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, string Body)
{
    /// <summary>For a multipart/form-data request: the uploaded files[n] parts (the JSON of payload_json is the body).</summary>
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];

    public JsonElement Json => JsonDocument.Parse(Body.Length == 0 ? "null" : Body).RootElement;
}

/// <summary>A scripted REST response.</summary>
public sealed record UploadedFile(string Name, string FileName, string ContentType, byte[] Content);

/// <param name="CreatedAnyway">A message post that fails after Discord created the message: users see it, the bot gets the error.</param>
/// <param name="DropConnection">The connection is cut before any answer is written (after a post was created, with a 2xx status).</param>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool CreatedAnyway = false, bool DropConnection = false);

/// <summary>
/// Discord on 127.0.0.1: the gateway as a WebSocket endpoint (/gateway, and /resume as the resume_gateway_url)
/// and the REST routes the adapter uses under /api/v10, answering with payloads shaped like Discord's.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<(Func<RecordedRequest, bool> Match, FakeResponse Response)> _scripted = new();
    private readonly ConcurrentDictionary<string, string> _messagesByNonce = new();
    private int _messageIds = 5000;

    private FakeDiscord(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Messages Discord created in a channel: what users see.</summary>
    public ConcurrentQueue<RecordedRequest> Delivered { get; } = new();

    /// <summary>Requests whose response has been written, with its status.</summary>
    public ConcurrentQueue<(RecordedRequest Request, int Status)> Answered { get; } = new();

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new FakeDiscord(builder.Build());
        fake.Map();
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Urls.Single().TrimEnd('/');
        return fake;
    }

    /// <summary>The next response to a request matching <paramref name="match"/> (once).</summary>
    public void Script(Func<RecordedRequest, bool> match, FakeResponse response) => _scripted.Enqueue((match, response));

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Wait.Default);
        try
        {
            return await _connections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No gateway connection arrived.");
        }
    }

    public bool HasPendingConnection => _connections.Reader.Count > 0;

    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) =>
        Wait.ForAsync(() => _requests.FirstOrDefault(match), "a matching REST request", timeout);

    private void Map()
    {
        _app.UseWebSockets();
        _app.Map("/gateway", AcceptGatewayAsync);
        _app.Map("/resume", AcceptGatewayAsync);
        _app.Map("/api/v10/{**path}", HandleRestAsync);
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context.Request.Path, context.Request.QueryString.Value ?? "");
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        // An upload comes as multipart/form-data: the JSON in payload_json, the files as files[n].
        var files = new List<UploadedFile>();
        string body;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            body = form["payload_json"].ToString();
            foreach (var file in form.Files)
            {
                using var copy = new MemoryStream();
                await file.CopyToAsync(copy);
                files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, copy.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value!["/api/v10".Length..],
            context.Request.Headers.Authorization.ToString(), context.Request.Headers.UserAgent.ToString(), body) { Files = files };
        _requests.Enqueue(request);

        var creates = request.Method == "POST" && request.Path.StartsWith("/channels/", StringComparison.Ordinal);
        FakeResponse response;
        if (creates && EnforcedNonce(request) is { } nonce && _messagesByNonce.TryGetValue(nonce, out var existing))
        {
            // enforce_nonce: the same author's message with this nonce is returned, and no new one is created.
            response = new FakeResponse(200, existing);
        }
        else
        {
            response = TakeScripted(request) ?? DefaultResponse(request);
            if (creates && (response.Status is >= 200 and < 300 || response.CreatedAnyway))
            {
                Delivered.Enqueue(request);
                if (EnforcedNonce(request) is { } created) _messagesByNonce.TryAdd(created, response.CreatedAnyway ? MessageJson(request) : response.Body);
            }
        }

        if (response.DropConnection)
        {
            Answered.Enqueue((request, 0));
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Status != (int)HttpStatusCode.NoContent)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }

        Answered.Enqueue((request, response.Status));
    }

    private static string? EnforcedNonce(RecordedRequest request) =>
        request.Json is { ValueKind: JsonValueKind.Object } body &&
        body.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True &&
        body.TryGetProperty("nonce", out var nonce)
            ? nonce.ToString()
            : null;

    private FakeResponse? TakeScripted(RecordedRequest request)
    {
        lock (_scripted)
        {
            var all = _scripted.ToList();
            var hit = all.FindIndex(s => s.Match(request));
            if (hit < 0) return null;
            _scripted.Clear();
            for (var i = 0; i < all.Count; i++)
            {
                if (i != hit) _scripted.Enqueue(all[i]);
            }

            return all[hit].Response;
        }
    }

    private FakeResponse DefaultResponse(RecordedRequest request)
    {
        var bucketHeaders = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "4",
            ["X-RateLimit-Reset-After"] = "1.000",
            ["X-RateLimit-Bucket"] = "fake-bucket",
        };
        return (request.Method, request.Path) switch
        {
            ("GET", "/gateway/bot") => new(200, JsonSerializer.Serialize(new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = 999, reset_after = 14400000, max_concurrency = 1 },
            })),
            ("PUT", _) when request.Path.EndsWith("/commands", StringComparison.Ordinal) => new(200, request.Body),
            ("POST", _) when request.Path.EndsWith("/callback", StringComparison.Ordinal) => new(204, ""),
            ("POST", _) when request.Path.StartsWith("/channels/", StringComparison.Ordinal) => new(200, MessageJson(request), bucketHeaders),
            ("PATCH", _) or ("POST", _) when request.Path.StartsWith("/webhooks/", StringComparison.Ordinal) => new(200, MessageJson(request)),
            _ => new(404, """{"message": "404: Not Found", "code": 0}"""),
        };
    }

    private string MessageJson(RecordedRequest request) => JsonSerializer.Serialize(new
    {
        id = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        type = 0,
        content = request.Json.TryGetProperty("content", out var c) ? c.GetString() : "",
        author = new { id = FakeIds.BotUserId, username = "ClusterBot", discriminator = "0", bot = true },
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public static class FakeIds
{
    public const string Token = "fake-token-MTIzNDU2Nzg5.secret";
    public const string ApplicationId = "900000000000000001";
    public const string BotUserId = "900000000000000002";
    public const string GuildId = "900000000000000003";
    public const string GuildChannelId = "900000000000000004";
    public const string DmChannelId = "900000000000000005";
    public const string UserId = "900000000000000006";
    public const string OtherBotId = "900000000000000007";
    public const string BotRoleId = "900000000000000008";
    public const string OtherRoleId = "900000000000000009";
    public const string OtherUserId = "900000000000000010";
}
