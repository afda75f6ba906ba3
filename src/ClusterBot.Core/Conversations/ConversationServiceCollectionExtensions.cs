using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterBot.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The conversation pipeline every front end answers through, unmonitored until AddClusterBotMonitoring swaps in
    /// the flood guard, metrics and question log. The ledger and the settings store come from the store when it is registered.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationMonitor, UnmonitoredConversations>();
        services.TryAddSingleton<LanguagePolicy>();
        services.TryAddSingleton<ConversationLedger>();
        services.TryAddSingleton<DraftQuestions>();
        services.TryAddSingleton<ConversationPipeline>();
        return services;
    }
}
