using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Net;
using ClusterBot.Discord.Rest;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClusterBot.Discord.Tests;

/// <summary>The REST client's limits against the fake Discord's REST routes.</summary>
public sealed class RestClientTests
{
    private static readonly MessagePayload Hello = new("hello", AllowedMentions.None);

    private static (DiscordRestClient Client, FakeTimeProvider Time, LogCollector Logs, ServiceProvider Services) Create(FakeDiscord fake, int? invalidRequestLimit = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = FakeIds.Token,
            ["Discord:ApplicationId"] = FakeIds.ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        }).Build();
        var time = new FakeTimeProvider();
        var logs = new LogCollector();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddDiscordAdapter(configuration)
            .BuildServiceProvider();
        var client = invalidRequestLimit is { } limit
            ? new DiscordRestClient(services.GetRequiredService<IHttpClientFactory>(), services.GetRequiredService<IOptions<DiscordOptions>>(), time,
                services.GetRequiredService<ILogger<DiscordRestClient>>(), limit)
            : services.GetRequiredService<DiscordRestClient>();
        return (client, time, logs, services);
    }

    private static bool IsMessagePost(RecordedRequest r) => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal);

    [Fact]
    public async Task After_401_no_further_request_is_made()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (client, _, logs, services) = Create(fake);
        await using var _ = services;
        fake.Script(IsMessagePost, new FakeResponse(401, """{"message": "401: Unauthorized", "code": 0}"""));

        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => client.CreateMessageAsync("1", Hello, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => client.CreateMessageAsync("1", Hello, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => client.GetGatewayUrlAsync(CancellationToken.None));

        Assert.Single(fake.Requests);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(FakeIds.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exhausted_bucket_holds_the_next_request_until_its_reset()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (client, time, _, services) = Create(fake);
        await using var _ = services;
        fake.Script(IsMessagePost, new FakeResponse(200, """{"id": "1", "content": "hello"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "2.5",
            ["X-RateLimit-Bucket"] = "abcd1234",
        }));

        await client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var second = client.CreateMessageAsync("1", Hello, CancellationToken.None);
        var otherChannel = client.CreateMessageAsync("2", Hello, CancellationToken.None);
        await otherChannel; // another major parameter is another bucket
        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        Assert.Equal(2, fake.Requests.Count);

        time.Advance(TimeSpan.FromSeconds(2.5));
        await second.WaitAsync(Wait.Default);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route_and_is_retried()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (client, time, logs, services) = Create(fake);
        await using var _ = services;
        using var retries = new MetricCollector<long>(services.GetRequiredService<IMeterFactory>(), "ClusterBot", "discord.retries.total");
        fake.Script(IsMessagePost, new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 1.0, "global": true}""",
            new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global", ["Retry-After"] = "1" }));

        var first = client.CreateMessageAsync("1", Hello, CancellationToken.None);
        await Wait.UntilAsync(() => logs.Lines.Any(l => l.Contains("rate limited", StringComparison.Ordinal)), "the 429 to be seen");
        var other = client.GetGatewayUrlAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(other.IsCompleted);
        Assert.Single(fake.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        await first.WaitAsync(Wait.Default);
        await other.WaitAsync(Wait.Default);
        Assert.Equal(2, fake.Requests.Count(IsMessagePost));
        Assert.Equal("429", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task The_invalid_request_guard_stops_calls_before_Discord_would_ban()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var (client, time, _, services) = Create(fake, invalidRequestLimit: 3);
        await using var _ = services;
        for (var i = 0; i < 3; i++)
        {
            fake.Script(IsMessagePost, new FakeResponse(403, """{"message": "Missing Permissions", "code": 50013}"""));
        }

        for (var i = 0; i < 3; i++)
        {
            var refused = await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateMessageAsync("1", Hello, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }

        var guarded = await Assert.ThrowsAsync<DiscordRestException>(() => client.CreateMessageAsync("1", Hello, CancellationToken.None));
        Assert.Null(guarded.Status);
        Assert.Equal(3, fake.Requests.Count);

        // The window slides: ten minutes later the client talks again.
        time.Advance(TimeSpan.FromMinutes(10));
        await client.CreateMessageAsync("1", Hello, CancellationToken.None);
        Assert.Equal(4, fake.Requests.Count);
    }
}
