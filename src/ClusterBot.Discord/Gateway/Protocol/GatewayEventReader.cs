using System.Text.Json;

namespace ClusterBot.Discord.Gateway.Protocol;

/// <summary>Reads one gateway message into a <see cref="GatewayEvent"/>, or says why it cannot be used.</summary>
internal static class GatewayEventReader
{
    /// <returns>The event, or null with <paramref name="problem"/> set when the message is malformed.</returns>
    public static GatewayEvent? Read(ReadOnlySpan<byte> utf8Json, out string? problem)
    {
        GatewayPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(utf8Json, GatewayJson.Default.GatewayPayload);
        }
        catch (JsonException)
        {
            problem = "invalid JSON";
            return null;
        }

        if (payload?.Op is not { } op)
        {
            problem = "payload without a numeric op";
            return null;
        }

        problem = null;
        try
        {
            return op switch
            {
                GatewayOpcodes.Dispatch => Dispatch(payload, out problem),
                GatewayOpcodes.Heartbeat => new HeartbeatRequestEvent(),
                GatewayOpcodes.HeartbeatAck => new HeartbeatAckEvent(),
                GatewayOpcodes.Reconnect => new ReconnectEvent(),
                // Anything but a literal true means the session cannot be resumed.
                GatewayOpcodes.InvalidSession => new InvalidSessionEvent(payload.D.ValueKind == JsonValueKind.True),
                GatewayOpcodes.Hello => Hello(payload, out problem),
                _ => new UnhandledOpEvent(op),
            };
        }
        catch (JsonException)
        {
            problem = $"op {op} with data of the wrong shape";
            return null;
        }
    }

    private static HelloEvent? Hello(GatewayPayload payload, out string? problem)
    {
        var hello = payload.D.ValueKind == JsonValueKind.Object ? payload.D.Deserialize(GatewayJson.Default.HelloData) : null;
        if (hello is not { HeartbeatInterval: > 0 and var millis })
        {
            problem = "Hello without a heartbeat_interval";
            return null;
        }

        problem = null;
        return new HelloEvent(TimeSpan.FromMilliseconds(millis));
    }

    private static DispatchEvent? Dispatch(GatewayPayload payload, out string? problem)
    {
        if (payload.T is not { Length: > 0 } name || payload.D.ValueKind == JsonValueKind.Undefined)
        {
            problem = "dispatch without t or d";
            return null;
        }

        problem = null;
        switch (name)
        {
            case GatewayEventNames.Ready:
                var ready = payload.D.ValueKind == JsonValueKind.Object ? payload.D.Deserialize(GatewayJson.Default.ReadyData) : null;
                if (ready?.SessionId is not { } sessionId)
                {
                    problem = "READY without session_id";
                    return null;
                }

                var resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var url) ? url : null;
                return new ReadyEvent(payload.S, payload.D, sessionId, resumeUrl);
            case GatewayEventNames.Resumed:
                return new ResumedEvent(payload.S, payload.D);
            default:
                return new DispatchEvent(name, payload.S, payload.D);
        }
    }
}
