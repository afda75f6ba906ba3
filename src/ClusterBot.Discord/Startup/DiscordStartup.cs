using ClusterBot.Core.Abstractions;
using ClusterBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClusterBot.Discord.Startup;

/// <summary>Before the gateway: the slash commands registered (from the command table) and the gateway's address found, transient failures retried with backoff.</summary>
public sealed partial class DiscordStartup(
    IDiscordRest rest,
    IKnowledgeSource knowledge,
    IOptions<DiscordOptions> options,
    DiscordConnectionState state,
    TimeProvider time,
    ILogger<DiscordStartup> logger)
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);

    public async Task<Uri> RunAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var commandsRegistered = false;
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                if (!commandsRegistered)
                {
                    var showcase = knowledge.TryShowcase(out var problem);
                    if (showcase is null) LogCommandsWithoutKnowledge(logger, problem ?? "");
                    await rest.BulkOverwriteCommandsAsync(o.ApplicationId, o.GuildId, SlashCommandCatalog.Build(o.GuildId is not null, showcase), cancellationToken);
                    commandsRegistered = true;
                    LogCommandsRegistered(logger, o.GuildId is null ? "globally" : "in guild " + o.GuildId);
                }

                return o.GatewayUrl is { } configured ? new Uri(configured) : await rest.GetGatewayUrlAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DiscordRestException or HttpRequestException && ex is not DiscordUnauthorizedException)
            {
                state.NotConnected("not connected: start-up REST calls failing, retrying");
                LogStartRetry(logger, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
                delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord slash commands registered {Scope}")]
    private static partial void LogCommandsRegistered(ILogger logger, string scope);

    // Information, not a warning: the knowledge's own loader reports what is wrong with it, file and line.
    [LoggerMessage(Level = LogLevel.Information, Message = "Discord slash commands registered without the knowledge's names: the knowledge did not load ({Problem})")]
    private static partial void LogCommandsWithoutKnowledge(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord adapter could not start yet ({Problem}); retrying in {Seconds:F0} s")]
    private static partial void LogStartRetry(ILogger logger, string problem, double seconds);
}
