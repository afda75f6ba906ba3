using System.Net;
using System.Text.Json;
using ClusterBot.Telegram.Sending;
using Telegram.Bot.Exceptions;

namespace ClusterBot.Telegram.Tests.Sending;

/// <summary>Which failures of a Bot API call are worth another attempt, as Telegram.Bot reports them.</summary>
public sealed class TransientErrorTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        // Telegram.Bot's wrapping of a network failure: no status, the cause inside.
        { new RequestException("Bot API Service Failure: HttpRequestException: An error occurred while sending the request.", new HttpRequestException("", new IOException("The response ended prematurely."))), true },
        { new RequestException("Bot API Request timed out", new TaskCanceledException()), true },
        { new ApiRequestException("Bad Gateway", 502), true },
        { new RequestException("Response doesn't contain any content", HttpStatusCode.BadGateway), true },
        // An answer that arrived but could not be read would be the same next time.
        { new RequestException("There was an exception during deserialization of the response", HttpStatusCode.OK, new JsonException()), false },
        { new ApiRequestException("Bad Request: chat not found", 400), false },
        { new RequestException("no response and no cause"), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Network_failures_and_server_errors_are_transient_refusals_are_not(Exception failure, bool transient) =>
        Assert.Equal(transient, BotApiCaller.IsTransient(failure));
}
