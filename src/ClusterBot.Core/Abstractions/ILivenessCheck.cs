using Microsoft.Extensions.Hosting;

namespace ClusterBot.Core.Abstractions;

/// <summary>
/// A part of the bot that /healthz asks whether the process is still doing its job: a platform adapter's
/// receive loop that has ended (a fatal close, a rejected token, a crash) leaves a process that answers HTTP
/// but serves nobody, which only a restart can mend.
/// </summary>
public interface ILivenessCheck
{
    string Name { get; }

    /// <summary>Alive, with a short reason when not ("receive loop ended: …").</summary>
    (bool Alive, string Detail) Check();
}

/// <summary>Alive while a background loop runs, or while the host is stopping it anyway.</summary>
public sealed class BackgroundLoopLiveness(string name, Func<Task?> loop, IHostApplicationLifetime lifetime) : ILivenessCheck
{
    public string Name => name;

    public (bool Alive, string Detail) Check()
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested) return (true, "stopping");
        return loop() switch
        {
            null => (true, "starting"),
            { IsFaulted: true } failed => (false, "receive loop failed: " + failed.Exception!.GetBaseException().GetType().Name),
            { IsCompleted: true } => (false, "receive loop ended"),
            _ => (true, "running"),
        };
    }
}
