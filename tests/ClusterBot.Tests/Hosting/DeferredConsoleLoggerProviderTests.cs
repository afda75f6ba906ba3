using ClusterBot.Hosting;
using ClusterBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClusterBot.Tests.Hosting;

/// <summary>A tool command's console logging is made on the first message written, and keeps the console's filter rules.</summary>
public sealed class DeferredConsoleLoggerProviderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private ServiceProvider Tool(Dictionary<string, string?>? settings = null)
    {
        var overrides = new Dictionary<string, string?> { ["Storage:Path"] = _temp.File("tool.db") };
        foreach (var (key, value) in settings ?? []) overrides[key] = value;
        return ToolServices.Build(overrides);
    }

    private static DeferredConsoleLoggerProvider Provider(IServiceProvider services) =>
        Assert.Single(services.GetServices<ILoggerProvider>().OfType<DeferredConsoleLoggerProvider>());

    [Fact]
    public void The_console_provider_is_made_by_the_first_message_that_passes_the_filters()
    {
        using var services = Tool();
        Assert.DoesNotContain(services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
        var logger = services.GetRequiredService<ILogger<DeferredConsoleLoggerProviderTests>>();
        var provider = Provider(services);

        // A tool logs warnings and worse: an information message is filtered out before it reaches the provider.
        logger.LogInformation("not shown");
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.False(provider.Started);

        Assert.True(logger.IsEnabled(LogLevel.Warning));
        logger.LogWarning("shown");
        Assert.True(provider.Started);
        Assert.Same(services.GetRequiredService<ConsoleLoggerProvider>(), services.GetRequiredService<ConsoleLoggerProvider>());
    }

    [Theory]
    [InlineData("Logging:Console:LogLevel:Default")]
    [InlineData("Logging:LogLevel:Default")]
    public void The_console_rules_of_the_configuration_reach_it(string key)
    {
        using var services = Tool(new() { [key] = "Error" });
        var logger = services.GetRequiredService<ILogger<DeferredConsoleLoggerProviderTests>>();

        logger.LogWarning("filtered by the rule");
        Assert.False(logger.IsEnabled(LogLevel.Warning));
        Assert.False(Provider(services).Started);
        Assert.True(logger.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void The_bot_keeps_the_console_provider_itself()
    {
        using var host = ClusterBotHost.Build(RunMode.Bot, new Dictionary<string, string?> { ["Storage:Path"] = _temp.File("bot.db") });
        Assert.Contains(host.Services.GetServices<ILoggerProvider>(), p => p is ConsoleLoggerProvider);
        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p is DeferredConsoleLoggerProvider);
    }
}
