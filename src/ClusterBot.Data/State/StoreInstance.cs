namespace ClusterBot.Data.State;

/// <summary>
/// This process as the owner of claims: a name unique among the instances sharing a database, and how long a
/// claim it stops renewing stays its own.
/// </summary>
public sealed class StoreInstance(string id, TimeSpan lease)
{
    public string Id { get; } = id;

    public TimeSpan Lease { get; } = lease;

    /// <summary>How often the live instance renews its claims: four times within a lease.</summary>
    public TimeSpan RenewEvery => Lease / 4;

    /// <summary>Host name and process id (readable in the tables), plus a random part (a restarted container reuses both).</summary>
    public static StoreInstance ForThisProcess(TimeSpan lease) =>
        new($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}", lease);
}
