using ClusterBot.Testing;
using ClusterBot.Testing.Telegram;

namespace ClusterBot.Telegram.Tests.Fakes;

/// <summary>A test class with its own fake Bot API on 127.0.0.1 and a temporary folder for its SQLite file.</summary>
public abstract class FakeBotApiTest : IAsyncLifetime
{
    protected TempFolder Temp { get; } = new();

    protected FakeBotApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await FakeBotApi.StartAsync();

    public virtual async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        Temp.Dispose();
    }
}
