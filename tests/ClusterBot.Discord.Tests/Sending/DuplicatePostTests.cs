using ClusterBot.Discord.Tests.Fakes;

namespace ClusterBot.Discord.Tests;

/// <summary>A retried post that Discord had already created is not posted twice.</summary>
public sealed class DuplicatePostTests
{
    private static bool IsMessagePost(RecordedRequest r) => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal);

    [Fact]
    public async Task A_5xx_after_the_message_was_created_leaves_one_message()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        fake.Script(IsMessagePost, new FakeResponse(500, """{"message": "500: Internal Server Error", "code": 0}""", CreatedAnyway: true));

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("11001", "/country korea", inGuild: false));
        // The retry waits on the fake clock: move it until the second attempt has been answered.
        await Wait.UntilAsync(() => fake.Answered.Count(a => IsMessagePost(a.Request)) >= 2, "the retried post answered", pump: bot.Time);

        Assert.Single(fake.Delivered);
        var posts = fake.Requests.Where(IsMessagePost).Select(r => r.Json).ToList();
        Assert.Equal(2, posts.Count);
        var nonce = posts[0].GetProperty("nonce").GetString()!;
        Assert.InRange(nonce.Length, 1, 25);
        Assert.All(posts, p =>
        {
            Assert.Equal(nonce, p.GetProperty("nonce").GetString());
            Assert.True(p.GetProperty("enforce_nonce").GetBoolean());
        });
    }

    [Fact]
    public async Task A_connection_lost_after_the_message_was_created_is_retried_and_leaves_one_message()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);
        fake.Script(IsMessagePost, new FakeResponse(200, "", DropConnection: true));

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("11002", "/country korea", inGuild: false));
        await Wait.UntilAsync(() => fake.Answered.Any(a => IsMessagePost(a.Request) && a.Status == 200), "the retried post answered", pump: bot.Time);

        Assert.Single(fake.Delivered);
        var posts = fake.Requests.Where(IsMessagePost).Select(r => r.Json.GetProperty("nonce").GetString()).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0], posts[1]);
    }

    [Theory]
    [InlineData("1349876543210987654")]
    [InlineData("99999999999999999999")]
    public void Each_part_of_a_reply_has_its_own_nonce_within_25_characters(string questionId)
    {
        var nonces = Enumerable.Range(0, 12).Select(part => ClusterBot.Discord.Sending.MessageNonce.For(questionId, part)).ToList();

        Assert.Equal(nonces.Count, nonces.Distinct().Count());
        Assert.All(nonces, n => Assert.InRange(n.Length, 1, 25));
        // The same part of the same reply always gets the same nonce, so a redelivery after a restart is recognised too.
        Assert.Equal(nonces[3], ClusterBot.Discord.Sending.MessageNonce.For(questionId, 3));
    }
}
