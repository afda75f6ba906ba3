using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.Hosting;

/// <summary>What the configuration is read from, besides the files and the environment.</summary>
public sealed record ConfigurationInputs
{
    /// <summary>`--Telegram:Token=…` style settings given to the bot on its command line.</summary>
    public IReadOnlyList<string> CommandLine { get; init; } = [];

    /// <summary>Settings that win over every other source (tests).</summary>
    public IDictionary<string, string?>? Overrides { get; init; }

    /// <summary>The host environment; by default DOTNET_ENVIRONMENT, then ASPNETCORE_ENVIRONMENT, then Production.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Whose user secrets are read in Development; by default the app's own (UserSecretsId in the project).</summary>
    public string? UserSecretsId { get; init; }

    public string Environment =>
        EnvironmentName
        ?? NonEmpty(System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
        ?? NonEmpty(System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
        ?? Environments.Production;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// The one place configuration is read. It is built before the host, so that <see cref="HostPlan"/> (which
/// adapters run, whether a web server is needed) and the services bind the very same values: a token kept in
/// user secrets or given on the command line turns its adapter on like one in the environment.
/// </summary>
public static class ClusterBotConfiguration
{
    /// <summary>The id in ClusterBot.csproj (UserSecretsId), read by `dotnet user-secrets`.</summary>
    public const string AppUserSecretsId = "clusterbot";

    /// <summary>
    /// The bot: appsettings.json, appsettings.{Environment}.json, user secrets in Development, environment
    /// variables, the command line, then overrides, later sources winning. A tool command (ask, report …)
    /// reads only appsettings.json and the environment: it starts in a fraction of a second and has no
    /// command-line settings of its own.
    /// </summary>
    public static ConfigurationManager Build(RunMode mode, ConfigurationInputs inputs)
    {
        var configuration = new ConfigurationManager();
        configuration.SetBasePath(AppContext.BaseDirectory);
        configuration.AddJsonFile("appsettings.json", optional: true);
        if (mode == RunMode.Bot)
        {
            var environment = inputs.Environment;
            configuration.AddJsonFile($"appsettings.{environment}.json", optional: true);
            if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
            {
                // By id, not by assembly attribute: no reflection, and tests can point it at their own secrets.
                configuration.AddUserSecrets(inputs.UserSecretsId ?? AppUserSecretsId);
            }
        }

        configuration.AddEnvironmentVariables();
        if (mode == RunMode.Bot && inputs.CommandLine.Count > 0) configuration.AddCommandLine([.. inputs.CommandLine]);
        if (inputs.Overrides is not null) configuration.AddInMemoryCollection(inputs.Overrides);
        return configuration;
    }
}
