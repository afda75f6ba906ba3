using ClusterBot.Core.Knowledge;
using ClusterBot.Testing;

namespace ClusterBot.Data.Tests;

public sealed class ChatSettingsStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_chat_language_survives_a_restart_and_is_per_platform_and_chat()
    {
        var path = _temp.File("store.db");
        var first = new ChatSettingsStore(new SqliteDatabase(path), TimeProvider.System);
        Assert.Null(first.GetLanguage("telegram", "42"));
        first.SetLanguage("telegram", "42", Lang.En);
        first.SetLanguage("telegram", "42", Lang.Ru);
        first.SetLanguage("discord", "42", Lang.En);

        var afterRestart = new ChatSettingsStore(new SqliteDatabase(path), TimeProvider.System);
        Assert.Equal(Lang.Ru, afterRestart.GetLanguage("telegram", "42"));
        Assert.Equal(Lang.En, afterRestart.GetLanguage("discord", "42"));
        Assert.Null(afterRestart.GetLanguage("telegram", "43"));
    }
}
