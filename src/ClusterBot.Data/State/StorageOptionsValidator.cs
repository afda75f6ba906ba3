using Microsoft.Extensions.Options;
using Npgsql;

namespace ClusterBot.Data.State;

/// <summary>One line per mistake, naming the key; a connection string is never echoed (it may carry a password).</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions o)
    {
        if (!Enum.IsDefined(o.Provider))
        {
            return ValidateOptionsResult.Fail("Storage:Provider must be Sqlite or Postgres.");
        }

        if (o.Provider != StorageProvider.Postgres) return ValidateOptionsResult.Success;
        if (string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is required with Storage:Provider=Postgres (e.g. 'Host=db;Database=clusterbot;Username=clusterbot;Password=…').");
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(o.ConnectionString);
            if (string.IsNullOrWhiteSpace(parsed.Host))
            {
                return ValidateOptionsResult.Fail("Storage:ConnectionString names no Host.");
            }
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid PostgreSQL connection string (the value is not shown).");
        }

        return ValidateOptionsResult.Success;
    }
}
