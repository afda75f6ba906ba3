using ClusterBot.Hosting;
using ClusterBot.Telegram.Sending;
using ClusterBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterBot.Tests.Hosting;

/// <summary>The adapters run from the same configuration the services bind, whatever source holds the token.</summary>
public sealed class ConfigurationSourcesTests : IDisposable
{
    private const string Token = "6123456789:AAF3kTq9Zx_p4Lr-8vWmN2yBc7dHsJeUo0Q";
    private readonly TempFolder _temp = new();
    private readonly string _secretsId = "clusterbot-tests-" + Guid.NewGuid().ToString("N");

    public void Dispose()
    {
        var secrets = Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId(_secretsId))!;
        if (Directory.Exists(secrets)) Directory.Delete(secrets, recursive: true);
        _temp.Dispose();
    }

    private void WriteUserSecret(string json)
    {
        var path = PathHelper.GetSecretsPathFromSecretsId(_secretsId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }

    private IHost Build(string environment, IReadOnlyList<string>? commandLine = null) => ClusterBotHost.Build(RunMode.Bot, new ConfigurationInputs
    {
        EnvironmentName = environment,
        UserSecretsId = _secretsId,
        CommandLine = commandLine ?? [],
        Overrides = new Dictionary<string, string?> { ["Storage:Path"] = _temp.File("bot.db"), ["Knowledge:Path"] = RepoPaths.Knowledge },
    });

    /// <summary>The Telegram adapter is in the container only when the plan turned it on.</summary>
    private static bool TelegramIsOn(IHost host) => host.Services.GetService<OutboundRateLimiter>() is not null;

    [Fact]
    public void A_token_in_user_secrets_turns_the_adapter_on_in_development()
    {
        WriteUserSecret($$"""{ "Telegram": { "Token": "{{Token}}" } }""");

        using var host = Build(Environments.Development);

        Assert.True(TelegramIsOn(host));
        Assert.Equal(Token, host.Services.GetRequiredService<IConfiguration>()["Telegram:Token"]);
    }

    [Fact]
    public void User_secrets_are_not_read_outside_development()
    {
        WriteUserSecret($$"""{ "Telegram": { "Token": "{{Token}}" } }""");

        using var host = Build(Environments.Production);

        Assert.False(TelegramIsOn(host));
    }

    [Fact]
    public void A_token_on_the_command_line_turns_the_adapter_on()
    {
        using var host = Build(Environments.Production, ["--Telegram:Token=" + Token]);

        Assert.True(TelegramIsOn(host));
    }

    [Fact]
    public void The_environments_appsettings_file_is_read()
    {
        var environment = "Staging" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json");
        File.WriteAllText(file, $$"""{ "Telegram": { "Token": "{{Token}}" } }""");
        try
        {
            using var host = Build(environment);
            Assert.True(TelegramIsOn(host));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_tool_command_reads_neither_user_secrets_nor_the_command_line()
    {
        WriteUserSecret($$"""{ "Telegram": { "Token": "{{Token}}" } }""");

        var configuration = ClusterBotConfiguration.Build(RunMode.Tool, new ConfigurationInputs
        {
            EnvironmentName = Environments.Development,
            UserSecretsId = _secretsId,
            CommandLine = ["--Discord:Token=x"],
        });

        Assert.Null(configuration["Telegram:Token"]);
        Assert.Null(configuration["Discord:Token"]);
    }
}
