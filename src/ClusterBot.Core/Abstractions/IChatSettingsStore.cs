using ClusterBot.Core.Knowledge;

namespace ClusterBot.Core.Abstractions;

/// <summary>Per-chat settings that must survive a restart (the /lang choice).</summary>
public interface IChatSettingsStore
{
    Lang? GetLanguage(string platform, string chatId);

    void SetLanguage(string platform, string chatId, Lang language);
}
