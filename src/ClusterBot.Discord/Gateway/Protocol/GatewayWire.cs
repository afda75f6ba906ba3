using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClusterBot.Discord.Gateway.Protocol;

// The gateway's JSON in both directions, (de)serialised by generated code (no reflection under Native AOT).

/// <summary>Every gateway payload: op, data, and for dispatches the sequence number and event name.</summary>
internal sealed record GatewayPayload(
    [property: JsonPropertyName("op")] int? Op,
    [property: JsonPropertyName("d")] JsonElement D,
    [property: JsonPropertyName("s")] long? S,
    [property: JsonPropertyName("t")] string? T);

internal sealed record HelloData([property: JsonPropertyName("heartbeat_interval")] double HeartbeatInterval);

internal sealed record ReadyData(
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("resume_gateway_url")] string? ResumeGatewayUrl);

internal sealed record HeartbeatCommand([property: JsonPropertyName("op")] int Op, [property: JsonPropertyName("d")] long? D);

internal sealed record IdentifyCommand([property: JsonPropertyName("op")] int Op, [property: JsonPropertyName("d")] IdentifyData D);

internal sealed record IdentifyData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("intents")] int Intents,
    [property: JsonPropertyName("properties")] ConnectionProperties Properties);

internal sealed record ConnectionProperties(
    [property: JsonPropertyName("os")] string Os,
    [property: JsonPropertyName("browser")] string Browser,
    [property: JsonPropertyName("device")] string Device);

internal sealed record ResumeCommand([property: JsonPropertyName("op")] int Op, [property: JsonPropertyName("d")] ResumeData D);

internal sealed record ResumeData(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("session_id")] string? SessionId,
    [property: JsonPropertyName("seq")] long? Seq);

[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(HeartbeatCommand))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
internal sealed partial class GatewayJson : JsonSerializerContext;
