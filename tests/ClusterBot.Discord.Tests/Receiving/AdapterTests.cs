using System.Text.Json;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Discord.Tests;

/// <summary>The adapter end to end: the real core and store, against the fake Discord.</summary>
public sealed class AdapterTests
{
    private const string KoreaQuestionRu = "сколько кластеров было в Корее к 2012 году?";

    internal static async Task<FakeGatewayConnection> HandshakeAsync(FakeDiscord fake, int heartbeatMs = 41_250)
    {
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(heartbeatMs);
        await connection.ExpectOpAsync(2);
        await connection.SendDispatchAsync("READY", 1, DiscordSamples.Ready(fake.ResumeUrl));
        return connection;
    }

    internal static Task<RecordedRequest> ReplyToAsync(FakeDiscord fake, string messageId) =>
        Wait.ForAsync(() => fake.Delivered.FirstOrDefault(r => ReferencedId(r) == messageId), $"a reply to message {messageId}");

    internal static string? ReferencedId(RecordedRequest request) =>
        request.Json.TryGetProperty("message_reference", out var reference) ? reference.GetProperty("message_id").GetString() : null;

    [Fact]
    public async Task Start_registers_commands_identifies_and_answers_the_first_dispatch()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?>
        {
            ["Discord:GuildId"] = FakeIds.GuildId,
            ["Discord:GatewayUrl"] = null, // found through GET /gateway/bot
        });

        var put = await fake.WaitForRequestAsync(r => r.Method == "PUT");
        Assert.Equal($"/applications/{FakeIds.ApplicationId}/guilds/{FakeIds.GuildId}/commands", put.Path);
        Assert.Equal("Bot " + FakeIds.Token, put.Authorization);
        Assert.StartsWith("DiscordBot (https://", put.UserAgent, StringComparison.Ordinal);
        var commands = put.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["compare", "country", "help", "programme", "quiz", "quote", "score", "timeline"], commands.Keys.Order(StringComparer.Ordinal));
        Assert.All(commands.Values, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("description_localizations").GetProperty("ru").GetString())));
        var countryOption = commands["country"].GetProperty("options")[0];
        Assert.Equal(3, countryOption.GetProperty("type").GetInt32());
        Assert.True(countryOption.GetProperty("autocomplete").GetBoolean());
        Assert.Equal(2, commands["compare"].GetProperty("options").GetArrayLength());

        await fake.WaitForRequestAsync(r => r.Method == "GET" && r.Path == "/gateway/bot");
        var connection = await fake.NextConnectionAsync();
        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);

        await connection.SendHelloAsync(41_250);
        var identify = (await connection.ExpectOpAsync(2)).GetProperty("d");
        Assert.Equal(FakeIds.Token, identify.GetProperty("token").GetString());
        Assert.Equal(1 | (1 << 9) | (1 << 12) | (1 << 15), identify.GetProperty("intents").GetInt32());
        Assert.Equal("ClusterBot", identify.GetProperty("properties").GetProperty("browser").GetString());

        await connection.SendDispatchAsync("READY", 1, DiscordSamples.Ready(fake.ResumeUrl));
        await connection.SendDispatchAsync("GUILD_CREATE", 2, DiscordSamples.GuildCreate());
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordSamples.Message("1001", KoreaQuestionRu, inGuild: false));

        var reply = await ReplyToAsync(fake, "1001");
        Assert.Equal($"/channels/{FakeIds.DmChannelId}/messages", reply.Path);
        Assert.Contains("193", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(FakeIds.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slash_command_is_answered_in_place_and_its_follow_up_button_works()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("2001", 2, DiscordSamples.CommandData("country", ("country", "korea", false))));

        var callback = await fake.WaitForRequestAsync(r => r.Path == "/interactions/2001/interaction-token-2001/callback");
        var body = callback.Json;
        Assert.Equal(4, body.GetProperty("type").GetInt32());
        var data = body.GetProperty("data");
        var content = data.GetProperty("content").GetString()!;
        Assert.Contains("Korea", content, StringComparison.Ordinal);
        Assert.Contains("2.2", content, StringComparison.Ordinal); // the citation names the section
        Assert.True(content.Length <= 2000);
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var customIds = data.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(b => b.GetProperty("custom_id").GetString()!).ToList();
        Assert.NotEmpty(customIds);
        Assert.All(customIds, id => Assert.True(id.Length <= 100 && id.StartsWith("q:/", StringComparison.Ordinal), id));

        await connection.SendDispatchAsync("INTERACTION_CREATE", 3,
            DiscordSamples.Interaction("2002", 3, DiscordSamples.ButtonData(customIds[0])));
        var followUp = await fake.WaitForRequestAsync(r => r.Path == "/interactions/2002/interaction-token-2002/callback");
        Assert.Equal(4, followUp.Json.GetProperty("type").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(followUp.Json.GetProperty("data").GetProperty("content").GetString()));
    }

    [Fact]
    public async Task The_quote_button_under_an_answer_shows_the_paper_s_words()
    {
        using var knowledge = new ClusterBot.Testing.QuotedKnowledge(withFreedonia: true);
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Path });
        var connection = await HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("5001", 2, DiscordSamples.CommandData("country", ("country", "sylvania", false))));
        var answer = await fake.WaitForRequestAsync(r => r.Path == "/interactions/5001/interaction-token-5001/callback");
        var buttons = answer.Json.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        var quote = Assert.Single(buttons, b => b.GetProperty("label").GetString() == "📖 quote");
        var customId = quote.GetProperty("custom_id").GetString()!;
        Assert.Equal("q:/quote sylvania", customId);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 3, DiscordSamples.Interaction("5002", 3, DiscordSamples.ButtonData(customId)));
        var pressed = await fake.WaitForRequestAsync(r => r.Path == "/interactions/5002/interaction-token-5002/callback");
        Assert.Equal(4, pressed.Json.GetProperty("type").GetInt32());
        var content = pressed.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.Contains("“Кластерная политика Сильвании опирается на лесную промышленность \\[1\\].”", content, StringComparison.Ordinal);
        Assert.EndsWith("*Source: “Experience of forest clusters”, §2.1, ref. \\[1\\]*", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_a_country_added_as_a_file_is_answered()
    {
        using var knowledge = new ClusterBot.Testing.QuotedKnowledge(withFreedonia: true);
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Path });
        var connection = await HandshakeAsync(fake);

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("5101", "How many cheese dairies are there in Freedonia?", inGuild: false));

        var reply = await ReplyToAsync(fake, "5101");
        Assert.Contains("17", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_offers_knowledge_base_entities()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("3001", 4, DiscordSamples.CommandData("country", ("country", "kor", true))));
        var typed = await fake.WaitForRequestAsync(r => r.Path == "/interactions/3001/interaction-token-3001/callback");
        Assert.Equal(8, typed.Json.GetProperty("type").GetInt32());
        var choices = typed.Json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal("korea", choices[0].GetProperty("value").GetString());
        Assert.Equal("South Korea", choices[0].GetProperty("name").GetString());

        await connection.SendDispatchAsync("INTERACTION_CREATE", 3,
            DiscordSamples.Interaction("3002", 4, DiscordSamples.CommandData("compare", ("first", "", true)), locale: "ru"));
        var empty = await fake.WaitForRequestAsync(r => r.Path == "/interactions/3002/interaction-token-3002/callback");
        var all = empty.Json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.InRange(all.Count, 3, 25);
        Assert.Contains(all, c => c.GetProperty("name").GetString() == "Германия");
    }

    [Fact]
    public async Task A_mention_is_answered_as_a_reply_that_can_ping_no_one()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);

        // Group chatter first, in the same channel: handled in order, so by the time the mention is answered
        // the chatter has been looked at and left alone.
        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("4001", "how many clusters in Korea by 2012?"));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3,
            DiscordSamples.Message("4002", $"<@{FakeIds.BotUserId}> how many clusters were there in Korea by 2012? @everyone", mentionsBot: true));

        var reply = await ReplyToAsync(fake, "4002");
        Assert.Equal($"/channels/{FakeIds.GuildChannelId}/messages", reply.Path);
        var json = reply.Json;
        Assert.Equal(0, json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(FakeIds.GuildChannelId, json.GetProperty("message_reference").GetProperty("channel_id").GetString());
        var content = json.GetProperty("content").GetString()!;
        Assert.Contains("193", content, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", content, StringComparison.Ordinal);
        Assert.Single(fake.Delivered);
    }

    [Fact]
    public async Task A_bots_message_is_ignored_even_when_it_mentions_the_bot()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2,
            DiscordSamples.Message("5001", $"<@{FakeIds.BotUserId}> /country korea", authorId: FakeIds.OtherBotId, authorIsBot: true, mentionsBot: true));
        await connection.SendDispatchAsync("MESSAGE_CREATE", 3,
            DiscordSamples.Message("5002", $"<@{FakeIds.BotUserId}> /country germany", mentionsBot: true));

        await ReplyToAsync(fake, "5002");
        Assert.Equal("5002", ReferencedId(Assert.Single(fake.Delivered)));
    }

    [Fact]
    public async Task A_zombie_connection_is_resumed_and_replayed_events_are_not_answered_twice()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        const int interval = 41_250;
        var first = await fake.NextConnectionAsync();
        first.AutoAck = false;
        await first.SendHelloAsync(interval);
        await first.ExpectOpAsync(2);
        await first.SendDispatchAsync("READY", 1, DiscordSamples.Ready(fake.ResumeUrl));
        await first.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("6001", KoreaQuestionRu, inGuild: false));
        await ReplyToAsync(fake, "6001");

        // No ACK ever comes: one interval to beat, the next to notice the missing ACK.
        for (var i = 0; i < 4 && !first.Closed.IsCompleted; i++)
        {
            var beats = first.HeartbeatsReceived;
            bot.Time.Advance(TimeSpan.FromMilliseconds(interval));
            await Wait.UntilAsync(() => first.HeartbeatsReceived > beats || first.Closed.IsCompleted, "a heartbeat or a close");
        }

        Assert.True(first.HeartbeatsReceived >= 1);
        var closeCode = await first.WaitClosedAsync();
        Assert.Equal(4000, closeCode); // 1000/1001 would end the session we want to resume

        var second = await fake.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync(interval);
        var resume = (await second.ExpectOpAsync(6)).GetProperty("d");
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal(FakeIds.Token, resume.GetProperty("token").GetString());

        // Discord replays what we may have missed, then says RESUMED.
        await second.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("6001", KoreaQuestionRu, inGuild: false));
        await second.SendDispatchAsync("MESSAGE_CREATE", 3, DiscordSamples.Message("6002", "/country germany", inGuild: false));
        await second.SendDispatchAsync("RESUMED", 4, new { });

        await ReplyToAsync(fake, "6002");
        Assert.Single(fake.Delivered, r => ReferencedId(r) == "6001");
        Assert.False(fake.HasPendingConnection);
    }

    [Fact]
    public async Task Op_7_reconnect_resumes_the_session()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var first = await HandshakeAsync(fake);
        await first.SendDispatchAsync("GUILD_CREATE", 2, DiscordSamples.GuildCreate());

        await first.SendAsync("""{"op":7,"d":null}""");
        Assert.Equal(4000, await first.WaitClosedAsync());

        var second = await fake.NextConnectionAsync();
        Assert.Equal("/resume", second.Path);
        await second.SendHelloAsync(41_250);
        var resume = (await second.ExpectOpAsync(6)).GetProperty("d");
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        await second.SendDispatchAsync("RESUMED", 3, new { });
        await second.SendDispatchAsync("MESSAGE_CREATE", 4, DiscordSamples.Message("7001", "/help", inGuild: false));
        await ReplyToAsync(fake, "7001");
    }

    [Fact]
    public async Task Op_9_not_resumable_leads_to_a_fresh_identify()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var first = await HandshakeAsync(fake);

        await first.SendAsync("""{"op":9,"d":false}""");
        await first.WaitClosedAsync();
        // Discord asks for a 1–5 s pause before identifying again: move the clock until the client comes back.
        await Wait.UntilAsync(() => fake.HasPendingConnection, "a new connection", pump: bot.Time);

        var second = await fake.NextConnectionAsync();
        Assert.Equal("/gateway", second.Path);
        await second.SendHelloAsync(41_250);
        await second.ExpectOpAsync(2); // Identify: a Resume (op 6) here would fail the wait
        await second.SendDispatchAsync("READY", 1, DiscordSamples.Ready(fake.ResumeUrl, "session-2"));
        await second.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("9001", "/help", inGuild: false));
        await ReplyToAsync(fake, "9001");
    }

    [Fact]
    public async Task Op_9_resumable_resumes()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var first = await HandshakeAsync(fake);

        await first.SendAsync("""{"op":9,"d":true}""");
        var second = await fake.NextConnectionAsync();
        await second.SendHelloAsync(41_250);
        Assert.Equal("session-1", (await second.ExpectOpAsync(6)).GetProperty("d").GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(4004, "authentication failed")]
    [InlineData(4014, "MESSAGE_CONTENT intent not enabled in the Developer Portal")]
    public async Task A_fatal_close_stops_the_adapter_but_not_the_host(int code, string cause)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, services: s => s.AddHostedService<StillRunningService>());
        var connection = await fake.NextConnectionAsync();
        await connection.SendHelloAsync(41_250);
        await connection.ExpectOpAsync(2);

        await connection.CloseAsync(code, "closing");
        await bot.Adapter.ExecuteTask!.WaitAsync(Wait.Default);

        var lifetime = bot.Host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        var other = bot.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<StillRunningService>().Single();
        Assert.False(other.ExecuteTask!.IsCompleted);

        var critical = bot.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical).ToList();
        var line = Assert.Single(critical).Message;
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(FakeIds.Token, StringComparison.Ordinal));

        // However long we wait, no reconnect follows.
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.False(fake.HasPendingConnection);
    }

    [Fact]
    public async Task A_429_on_send_is_waited_out_and_the_message_sent_once()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);
        fake.Script(r => r.Method == "POST" && r.Path.StartsWith("/channels/", StringComparison.Ordinal), new FakeResponse(429,
            """{"message": "You are being rate limited.", "retry_after": 1.5, "global": false}""",
            new Dictionary<string, string>
            {
                ["Retry-After"] = "2",
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "1.5",
                ["X-RateLimit-Bucket"] = "fake-bucket",
                ["X-RateLimit-Scope"] = "user",
            }));

        await connection.SendDispatchAsync("MESSAGE_CREATE", 2, DiscordSamples.Message("10001", KoreaQuestionRu, inGuild: false));
        await Wait.UntilAsync(() => fake.Requests.Any(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)), "the first attempt");
        await Task.Delay(200);
        Assert.Single(fake.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)); // not retried before retry_after

        await Wait.UntilAsync(() => !fake.Delivered.IsEmpty, "the retried message", pump: bot.Time, step: TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, fake.Requests.Count(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal)));
        Assert.Single(fake.Delivered);
    }

    [Fact]
    public async Task A_malformed_frame_is_skipped_and_the_connection_kept()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await HandshakeAsync(fake);

        await connection.SendAsync("{not json");
        await connection.SendAsync("[1, 2, 3]");
        await connection.SendAsync("""{"op":0,"t":"MESSAGE_CREATE","s":2}""");
        await connection.SendAsync("""{"op":0,"t":"MESSAGE_CREATE","s":3,"d":{"id":"11000"}}""");
        await connection.SendAsync("""{"op":0,"t":"INTERACTION_CREATE","s":4,"d":"oops"}""");
        await connection.SendDispatchAsync("MESSAGE_CREATE", 5, DiscordSamples.Message("11001", "/country china", inGuild: false));

        await ReplyToAsync(fake, "11001");
        Assert.False(connection.Closed.IsCompleted);
        Assert.False(fake.HasPendingConnection);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("malformed", StringComparison.Ordinal));
    }

    private sealed class StillRunningService : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }
}
