using ClusterBot.Core.Abstractions;

namespace ClusterBot.Telegram.Diagnostics;

/// <summary>
/// Where the adapter's connection to Telegram stands, written by start-up and the receivers and read by
/// /readyz. Kept apart from the check itself so that the writers never depend on the health endpoint.
/// </summary>
public sealed class TelegramConnectionState
{
    /// <summary>
    /// getUpdates failures in a row before the instance reports not ready: one failed long poll is a blip
    /// that the next poll usually heals, and a load balancer should not see the instance flap for it.
    /// </summary>
    internal const int FailuresBeforeNotReady = 3;

    private readonly object _gate = new();
    private Phase _phase = Phase.Starting;
    private string _detail = "starting: getMe not done yet";
    private int _pollFailures;
    private string _lastPollFailure = "";

    private enum Phase { Starting, Receiving, Failed, Stopped }

    /// <summary>Start-up was refused (getMe, setWebhook …): the adapter will not receive anything.</summary>
    public void StartupFailed(string reason) => Set(Phase.Failed, "start-up failed: " + reason);

    /// <summary>The polling loop runs (getMe and deleteWebhook done).</summary>
    public void PollingStarted(string username) => Set(Phase.Receiving, $"@{username} polling");

    /// <summary>setWebhook succeeded and the workers drain the inbox.</summary>
    public void WebhookSet(string username) => Set(Phase.Receiving, $"@{username} webhook set");

    public void PollSucceeded()
    {
        lock (_gate) _pollFailures = 0;
    }

    /// <summary>A getUpdates call failed; the reason must already be free of the token.</summary>
    public void PollFailed(string reason)
    {
        lock (_gate)
        {
            _pollFailures++;
            _lastPollFailure = reason;
        }
    }

    /// <summary>Receiving stopped (shutdown): the instance must not be sent traffic any more.</summary>
    public void Stopped() => Set(Phase.Stopped, "stopped");

    public (bool Ready, string Detail) Snapshot()
    {
        lock (_gate)
        {
            if (_phase == Phase.Receiving && _pollFailures >= FailuresBeforeNotReady)
            {
                return (false, $"getUpdates failed {_pollFailures} times in a row ({_lastPollFailure})");
            }

            return (_phase == Phase.Receiving, _detail);
        }
    }

    private void Set(Phase phase, string detail)
    {
        lock (_gate)
        {
            _phase = phase;
            _detail = detail;
            _pollFailures = 0;
        }
    }
}

/// <summary>/readyz's view of Telegram: ready once getMe succeeded and updates are being received.</summary>
public sealed class TelegramReadinessCheck(TelegramConnectionState state) : IReadinessCheck
{
    public string Name => "telegram";

    public (bool Ready, string Detail) Check() => state.Snapshot();
}
