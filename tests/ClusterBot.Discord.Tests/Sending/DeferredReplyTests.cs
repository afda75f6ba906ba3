using ClusterBot.Core.Answering;
using ClusterBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Discord.Tests;

public sealed class DeferredReplyTests
{
    /// <summary>The real engine, held back until the test lets it answer: an answer slower than Discord's 3 s window.</summary>
    private sealed class HeldEngine(IAnswerEngine inner) : IAnswerEngine
    {
        public ManualResetEventSlim Release { get; } = new();

        public Reply Answer(Question question)
        {
            Release.Wait(Wait.Default);
            return inner.Answer(question);
        }
    }

    [Fact]
    public async Task A_slow_answer_is_deferred_then_the_original_response_is_edited()
    {
        await using var fake = await FakeDiscord.StartAsync();
        HeldEngine? held = null;
        await using var bot = await TestBot.StartAsync(fake, services: s => s.AddSingleton<IAnswerEngine>(sp =>
            held = new HeldEngine(ActivatorUtilities.CreateInstance<AnswerEngine>(sp))));
        var connection = await AdapterTests.HandshakeAsync(fake);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            DiscordSamples.Interaction("12001", 2, DiscordSamples.CommandData("compare", ("first", "germany", false), ("second", "china", false))));

        var deferred = await Wait.ForAsync(() => fake.Requests.FirstOrDefault(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)),
            "the deferral", pump: bot.Time);
        Assert.Equal(5, deferred.Json.GetProperty("type").GetInt32());

        held!.Release.Set();
        var edit = await fake.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{FakeIds.ApplicationId}/interaction-token-12001/messages/@original", edit.Path);
        var content = edit.Json.GetProperty("content").GetString()!;
        Assert.Contains("China", content, StringComparison.Ordinal);
        Assert.Equal(0, edit.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Single(fake.Requests, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
    }
}
