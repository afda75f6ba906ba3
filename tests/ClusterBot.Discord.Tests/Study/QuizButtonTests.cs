using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterBot.Core.Abstractions;
using ClusterBot.Discord.Tests.Fakes;
using ClusterBot.Drawing;
using Microsoft.Extensions.Configuration;
using SkiaSharp;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Discord.Tests;

/// <summary>/quiz on the fake Discord: buttons under the question, an ephemeral verdict for the presser, the tally for everyone.</summary>
public sealed class QuizButtonTests
{
    [Fact]
    public async Task A_quiz_has_answer_buttons_each_press_gets_an_ephemeral_verdict_and_the_message_keeps_the_tally()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordSamples.Interaction("7001", 2, DiscordSamples.CommandData("quiz", ("topic", "gii", false))));
        var asked = await fake.WaitForRequestAsync(r => r.Path == "/interactions/7001/interaction-token-7001/callback");
        Assert.Equal(4, asked.Json.GetProperty("type").GetInt32());
        var data = asked.Json.GetProperty("data");
        var content = data.GetProperty("content").GetString()!;
        Assert.EndsWith("*Answered: 0, right: 0*", content, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, data.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        var buttons = data.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()).ToList();
        Assert.InRange(buttons.Count, 3, 4);
        var ids = buttons.Select(b => b.GetProperty("custom_id").GetString()!).ToList();
        Assert.All(ids, id => Assert.True(id.Length <= 100 && id.StartsWith("quiz:", StringComparison.Ordinal), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(buttons, b => Assert.Equal(2, b.GetProperty("type").GetInt32()));

        var key = ids[0].Split(':')[1];
        var quiz = bot.Host.Services.GetRequiredService<IQuizStore>().Find("discord", key)!;
        Assert.Equal(FakeIds.GuildChannelId, quiz.ChatId);
        var right = ids[quiz.Correct];
        var wrong = ids[(quiz.Correct + 1) % ids.Count];

        // The asker answers right; presses again; a second student answers wrong.
        var first = await PressAsync(fake, connection, "7002", right, FakeIds.UserId, content);
        Assert.EndsWith("*Answered: 1, right: 1*", first.Update, StringComparison.Ordinal);
        Assert.StartsWith("✅", first.Verdict, StringComparison.Ordinal);
        Assert.Contains("§1", first.Verdict, StringComparison.Ordinal);

        var again = await PressAsync(fake, connection, "7003", wrong, FakeIds.UserId, first.Update);
        Assert.EndsWith("*Answered: 1, right: 1*", again.Update, StringComparison.Ordinal);
        Assert.Contains("already answered", again.Verdict, StringComparison.Ordinal);

        var other = await PressAsync(fake, connection, "7004", wrong, "900000000000000099", again.Update);
        Assert.EndsWith("*Answered: 2, right: 1*", other.Update, StringComparison.Ordinal);
        Assert.StartsWith("❌", other.Verdict, StringComparison.Ordinal);
        // The question itself is unchanged above the tally.
        Assert.StartsWith(content[..content.LastIndexOf("\n\n", StringComparison.Ordinal)], other.Update, StringComparison.Ordinal);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 6, DiscordSamples.Interaction("7005", 2, DiscordSamples.CommandData("score")));
        var score = await fake.WaitForRequestAsync(r => r.Path == "/interactions/7005/interaction-token-7005/callback");
        var board = score.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.Contains("Student: 1 of 1", board, StringComparison.Ordinal);
        Assert.Contains("Other: 0 of 1", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_press_on_a_question_the_store_does_not_hold_is_told_so_privately()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake);
        var connection = await AdapterTests.HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordSamples.Interaction("7101", 3, DiscordSamples.ButtonData("quiz:0123456789abcdef:1")));
        var reply = await fake.WaitForRequestAsync(r => r.Path == "/interactions/7101/interaction-token-7101/callback");
        Assert.Equal(4, reply.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, reply.Json.GetProperty("data").GetProperty("flags").GetInt32());
    }

    private static int _sequence = 10;

    /// <summary>A button press by a user on the quiz message, as Discord sends it: the message it is on comes with it.</summary>
    private static async Task<(string Update, string Verdict)> PressAsync(FakeDiscord fake, FakeGatewayConnection connection, string id, string customId,
        string userId, string messageContent)
    {
        var press = JsonSerializer.SerializeToNode(DiscordSamples.Interaction(id, 3, DiscordSamples.ButtonData(customId)))!.AsObject();
        var user = press["member"]!["user"]!.AsObject();
        user["id"] = userId;
        if (userId != FakeIds.UserId) user["global_name"] = "Other";
        press["message"] = new JsonObject { ["id"] = "8000", ["channel_id"] = FakeIds.GuildChannelId, ["content"] = messageContent, ["type"] = 0 };
        await connection.SendDispatchAsync("INTERACTION_CREATE", Interlocked.Increment(ref _sequence), press);

        var update = await fake.WaitForRequestAsync(r => r.Path == $"/interactions/{id}/interaction-token-{id}/callback");
        Assert.Equal(7, update.Json.GetProperty("type").GetInt32());
        Assert.False(update.Json.GetProperty("data").TryGetProperty("flags", out _));
        var verdict = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/webhooks/{FakeIds.ApplicationId}/interaction-token-{id}");
        Assert.Equal(64, verdict.Json.GetProperty("flags").GetInt32());
        return (update.Json.GetProperty("data").GetProperty("content").GetString()!, verdict.Json.GetProperty("content").GetString()!);
    }
}

/// <summary>/timeline on the fake Discord: the picture as an attachment, multipart with payload_json and files[0].</summary>
public sealed class TimelineAttachmentTests
{
    [Theory]
    [InlineData("en-US", "Periods in the paper: South Korea")]
    [InlineData("ru", "Периоды по статье: Южная Корея")]
    public async Task Timeline_korea_is_a_png_attachment_under_its_title_and_source(string locale, string title)
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await TestBot.StartAsync(fake, services: s => s.AddTimelinePictures(new ConfigurationBuilder().Build()));
        var connection = await AdapterTests.HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("7201", 2, DiscordSamples.CommandData("timeline", ("of", "korea", false)), locale));
        var reply = await fake.WaitForRequestAsync(r => r.Path == "/interactions/7201/interaction-token-7201/callback");

        Assert.Equal(4, reply.Json.GetProperty("type").GetInt32());
        var data = reply.Json.GetProperty("data");
        Assert.Contains(title, data.GetProperty("content").GetString()!, StringComparison.Ordinal);
        Assert.Contains("§2.2", data.GetProperty("content").GetString()!, StringComparison.Ordinal);
        var attachment = Assert.Single(data.GetProperty("attachments").EnumerateArray());
        Assert.Equal(0, attachment.GetProperty("id").GetInt32());
        var file = Assert.Single(reply.Files);
        Assert.Equal("files[0]", file.Name);
        Assert.Equal(attachment.GetProperty("filename").GetString(), file.FileName);
        Assert.Equal("image/png", file.ContentType);
        using var picture = SKBitmap.Decode(file.Content);
        Assert.NotNull(picture);
        Assert.Equal(new TimelineOptions().Width, picture.Width);
    }
}
