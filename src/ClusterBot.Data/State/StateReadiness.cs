using ClusterBot.Core.Abstractions;
using Dapper;

namespace ClusterBot.Data.State;

/// <summary>Ready while the state database answers: an instance that cannot reach it should get no traffic.</summary>
public sealed class StateReadiness(StateDatabase database) : IReadinessCheck
{
    public string Name => "state";

    public (bool Ready, string Detail) Check()
    {
        try
        {
            using var c = database.Open();
            c.ExecuteScalar<int>("SELECT 1");
            return (true, database.Name);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (false, $"{database.Name} state database unavailable: {ex.GetType().Name}");
        }
    }
}
