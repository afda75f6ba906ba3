using System.Collections.Concurrent;
using ClusterBot.Core.Operations;
using ClusterBot.Discord.Gateway;
using ClusterBot.Discord.Gateway.Protocol;
using ClusterBot.Discord.Gateway.Transport;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Discord.Tests.Gateway.Protocol;

/// <summary>One protocol run over a real WebSocket to the fake gateway, without the adapter or the reconnect loop.</summary>
public sealed class GatewayProtocolTests
{
    private const int HeartbeatMs = 40_000;

    private sealed class Run : IDisposable
    {
        private readonly GatewaySocket _socket = new(NullLogger.Instance);
        
        public Run(FakeDiscord fake, bool resume = false, GatewaySession? session = null, double jitter = 0.5)
        {
            Session = session ?? new GatewaySession();
            var protocol = new GatewayProtocol(_socket, new DiscordOptions { Token = "token-1" }, Session, new PacedRateLimiter(new RateLimitRule(120, TimeSpan.FromSeconds(60)), Time), Time,
                new FixedRandom(jitter), NullLogger.Instance, (d, _) =>
                {
                    Dispatches.Enqueue(d);
                    return ValueTask.CompletedTask;
                });
            Ended = Task.Run(() => protocol.RunAsync(new Uri(fake.GatewayUrl), resume, Stop.Token));
        }

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        public GatewaySession Session { get; }

        public ConcurrentQueue<GatewayDispatch> Dispatches { get; } = new();

        public CancellationTokenSource Stop { get; } = new();

        public Task<ConnectionEnd> Ended { get; }

        public void Dispose()
        {
            Stop.Cancel();
            _socket.Dispose();
            Stop.Dispose();
        }
    }

    /// <summary>A Random whose every draw is the same, so the jittered first beat falls where the test says.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;

        protected override double Sample() => value;
    }

    [Fact]
    public async Task Hello_then_identify_with_the_token_then_ready_opens_a_resumable_session()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();

        await connection.SendHelloAsync(HeartbeatMs);
        var identify = (await connection.ExpectOpAsync(2)).GetProperty("d");
        Assert.Equal("token-1", identify.GetProperty("token").GetString());
        await connection.SendDispatchAsync("READY", 5, DiscordSamples.Ready(fake.ResumeUrl, "s-9"));

        await Wait.UntilAsync(() => run.Session.CanResume, "the session to be ready");
        Assert.Equal("s-9", run.Session.SessionId);
        Assert.Equal(5, run.Session.Sequence);
        Assert.Equal("READY", Assert.Single(run.Dispatches).Name);
    }

    [Fact]
    public async Task Resume_sends_the_session_and_last_sequence()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var session = new GatewaySession();
        session.Ready("s-1", new Uri(fake.ResumeUrl));
        session.Observe(17);
        using var run = new Run(fake, resume: true, session: session);
        var connection = await fake.NextConnectionAsync();

        await connection.SendHelloAsync(HeartbeatMs);
        var resume = (await connection.ExpectOpAsync(6)).GetProperty("d");

        Assert.Equal("s-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(17, resume.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task The_first_beat_is_jittered_within_the_interval_then_beats_keep_the_interval()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake, jitter: 0.25);
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);
        await connection.SendDispatchAsync("READY", 3, DiscordSamples.Ready(fake.ResumeUrl));
        await Wait.UntilAsync(() => run.Session.CanResume, "the session to be ready");

        run.Time.Advance(TimeSpan.FromMilliseconds((HeartbeatMs * 0.25) - 1));
        await Task.Delay(200);
        Assert.Equal(0, connection.HeartbeatsReceived);
        run.Time.Advance(TimeSpan.FromMilliseconds(1));
        var first = await connection.ExpectOpAsync(1);
        // The beat carries the last sequence seen, so Discord knows what to replay on a resume.
        Assert.Equal(3, first.GetProperty("d").GetInt64());
        await Task.Delay(300); // the fake's ACK reaches the client before the next beat is due

        run.Time.Advance(TimeSpan.FromMilliseconds(HeartbeatMs));
        await connection.ExpectOpAsync(1);
        Assert.Equal(2, connection.HeartbeatsReceived);
    }

    [Fact]
    public async Task A_heartbeat_request_is_answered_at_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);

        await connection.SendAsync("""{"op":1,"d":null}""");

        var beat = await connection.ExpectOpAsync(1);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, beat.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task An_unacknowledged_beat_closes_with_4000_and_ends_resumable()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake, jitter: 0.5);
        var connection = await fake.NextConnectionAsync();
        connection.AutoAck = false;
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);

        run.Time.Advance(TimeSpan.FromMilliseconds(HeartbeatMs / 2));
        await connection.ExpectOpAsync(1);
        run.Time.Advance(TimeSpan.FromMilliseconds(HeartbeatMs));

        Assert.Equal(4000, await connection.WaitClosedAsync());
        var end = await run.Ended.WaitAsync(Wait.Default);
        Assert.Equal(ConnectionEndKind.Resume, end.Kind);
        Assert.Contains("zombie", end.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":7,"d":null}""", "Resume", false)]
    [InlineData("""{"op":9,"d":true}""", "Resume", false)]
    [InlineData("""{"op":9,"d":false}""", "Reidentify", true)]
    public async Task Reconnect_or_invalid_session_before_hello_ends_the_connection_at_once(string payload, string kind, bool invalidSession)
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();

        await connection.SendAsync(payload);

        // No clock moves here: waiting for Hello's 30 s timeout would never end.
        var end = await run.Ended.WaitAsync(Wait.Default);
        Assert.Equal(kind, end.Kind.ToString());
        Assert.Equal(invalidSession, end.InvalidSession);
        Assert.Equal(4000, await connection.WaitClosedAsync());
    }

    [Fact]
    public async Task A_fatal_close_code_ends_the_connection_as_fatal()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);

        await connection.CloseAsync(4004, "Authentication failed.");

        var end = await run.Ended.WaitAsync(Wait.Default);
        Assert.Equal(ConnectionEndKind.Fatal, end.Kind);
        Assert.Equal(4004, end.CloseCode);
    }

    [Fact]
    public async Task A_malformed_payload_is_skipped_and_the_next_dispatch_still_arrives()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);

        await connection.SendAsync("{not json");
        await connection.SendAsync("""{"op":0,"s":2,"t":"READY","d":{"v":10}}""");
        await connection.SendDispatchAsync("GUILD_CREATE", 3, DiscordSamples.GuildCreate());

        var dispatch = await Wait.ForAsync(() => run.Dispatches.FirstOrDefault(), "a dispatch");
        Assert.Equal("GUILD_CREATE", dispatch.Name);
        Assert.Equal(3, dispatch.Sequence);
        Assert.False(run.Ended.IsCompleted);
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_ends_without_waiting_for_the_clock()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var run = new Run(fake);
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(HeartbeatMs);
        await connection.ExpectOpAsync(2);

        await run.Stop.CancelAsync();

        Assert.Equal(1000, await connection.WaitClosedAsync());
        // It ends on the echo of the close (or as cancelled); either way the client loop then stops.
        await Task.WhenAny(run.Ended).WaitAsync(Wait.Default);
    }
}
