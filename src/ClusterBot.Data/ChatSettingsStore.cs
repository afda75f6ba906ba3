using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Knowledge;
using ClusterBot.Data.State;
using Dapper;

namespace ClusterBot.Data;

/// <summary>Per-chat settings in the state database, so a chat's /lang survives restarts and holds on every instance.</summary>
public sealed class ChatSettingsStore(StateDatabase database, TimeProvider time) : IChatSettingsStore
{
    public Lang? GetLanguage(string platform, string chatId)
    {
        using var c = database.Open();
        var code = c.ExecuteScalar<string?>("SELECT lang FROM chat_settings WHERE platform = @platform AND chat_id = @chatId", new { platform, chatId });
        return LangExtensions.ParseLang(code);
    }

    public void SetLanguage(string platform, string chatId, Lang language)
    {
        using var c = database.Open();
        c.Execute("""
            INSERT INTO chat_settings (platform, chat_id, lang, updated_at) VALUES (@platform, @chatId, @lang, @at)
            ON CONFLICT (platform, chat_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at
            """,
            new { platform, chatId, lang = language.Code(), at = database.Dialect.Stamp(time.GetUtcNow()) });
    }
}
