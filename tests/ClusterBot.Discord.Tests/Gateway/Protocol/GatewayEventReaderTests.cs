using System.Text;
using ClusterBot.Discord.Gateway.Protocol;

namespace ClusterBot.Discord.Tests.Gateway.Protocol;

/// <summary>Gateway payloads, as Discord's documentation shows them, read into typed events.</summary>
public sealed class GatewayEventReaderTests
{
    private static GatewayEvent? Read(string json, out string? problem) => GatewayEventReader.Read(Encoding.UTF8.GetBytes(json), out problem);

    private static GatewayEvent Read(string json)
    {
        var read = Read(json, out var problem);
        Assert.Null(problem);
        return Assert.IsAssignableFrom<GatewayEvent>(read);
    }

    [Fact]
    public void Hello_carries_the_heartbeat_interval() =>
        Assert.Equal(new HelloEvent(TimeSpan.FromMilliseconds(41_250)), Read("""{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"""));

    [Fact]
    public void Ready_carries_the_session_and_resume_address_and_stays_a_dispatch()
    {
        var ready = Assert.IsType<ReadyEvent>(Read("""{"op":0,"s":1,"t":"READY","d":{"v":10,"session_id":"abc","resume_gateway_url":"wss://resume.example"}}"""));
        Assert.Equal("abc", ready.SessionId);
        Assert.Equal(new Uri("wss://resume.example"), ready.ResumeUrl);
        Assert.Equal(1, ready.Sequence);
        Assert.Equal("READY", ready.Name);
        Assert.Equal(10, ready.Data.GetProperty("v").GetInt32());
    }

    [Fact]
    public void Resumed_is_recognised_even_with_null_data() =>
        Assert.IsType<ResumedEvent>(Read("""{"op":0,"s":7,"t":"RESUMED","d":null}"""));

    [Fact]
    public void Other_dispatches_keep_their_name_sequence_and_data()
    {
        var dispatch = Assert.IsType<DispatchEvent>(Read("""{"op":0,"s":42,"t":"MESSAGE_CREATE","d":{"id":"1","content":"hi"}}"""));
        Assert.Equal("MESSAGE_CREATE", dispatch.Name);
        Assert.Equal(42, dispatch.Sequence);
        Assert.Equal("hi", dispatch.Data.GetProperty("content").GetString());
    }

    [Theory]
    [InlineData("""{"op":9,"d":true}""", true)]
    [InlineData("""{"op":9,"d":false}""", false)]
    [InlineData("""{"op":9,"d":null}""", false)]
    [InlineData("""{"op":9}""", false)]
    public void Invalid_session_is_resumable_only_when_d_is_true(string json, bool resumable) =>
        Assert.Equal(new InvalidSessionEvent(resumable), Read(json));

    [Theory]
    [InlineData("""{"op":1,"d":null}""", typeof(HeartbeatRequestEvent))]
    [InlineData("""{"op":11}""", typeof(HeartbeatAckEvent))]
    [InlineData("""{"op":7,"d":null}""", typeof(ReconnectEvent))]
    [InlineData("""{"op":12,"d":null}""", typeof(UnhandledOpEvent))]
    public void Control_ops_become_their_events(string json, Type expected) => Assert.IsType(expected, Read(json));

    [Theory]
    [InlineData("not json", "invalid JSON")]
    [InlineData("[1,2]", "invalid JSON")]
    [InlineData("""{"op":"ten"}""", "invalid JSON")]
    [InlineData("""{"d":{}}""", "payload without a numeric op")]
    [InlineData("""{"op":10,"d":{}}""", "Hello without a heartbeat_interval")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"soon"}}""", "op 10 with data of the wrong shape")]
    [InlineData("""{"op":0,"s":1,"d":{}}""", "dispatch without t or d")]
    [InlineData("""{"op":0,"s":1,"t":"X"}""", "dispatch without t or d")]
    [InlineData("""{"op":0,"s":1,"t":"READY","d":{"v":10}}""", "READY without session_id")]
    public void Malformed_payloads_are_named_not_thrown(string json, string expected)
    {
        Assert.Null(Read(json, out var problem));
        Assert.Equal(expected, problem);
    }
}
