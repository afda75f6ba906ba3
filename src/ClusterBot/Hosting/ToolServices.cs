using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Hosting;

/// <summary>
/// The services of a one-off command (ask, knowledge check, report): configuration, logging and what answering
/// needs, registered exactly as for the bot, in a plain container. A command starts nothing, so it builds no host:
/// its lifetime, environment and hosted-service machinery were a sixth of a cold `ask` in the AOT binary.
/// </summary>
public static class ToolServices
{
    public static ServiceProvider Build(IDictionary<string, string?>? overrides = null)
    {
        // Started first, so SQLite's native library and the stemmers load on the other core while configuration is read.
        WarmUp.Start();
        var configuration = ClusterBotConfiguration.Build(RunMode.Tool, new ConfigurationInputs { Overrides = overrides });
        var plan = HostPlan.From(configuration);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => ClusterBotHost.ConfigureLogging(logging, configuration, RunMode.Tool, plan));
        ClusterBotHost.AddAnswering(services, configuration);
        return services.BuildServiceProvider();
    }
}
