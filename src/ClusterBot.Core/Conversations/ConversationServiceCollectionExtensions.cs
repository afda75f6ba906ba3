using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core.Conversations;

public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The conversation pipeline every front end answers through, unmonitored until AddClusterBotMonitoring swaps in
    /// the flood guard, metrics and question log. The ledger and the settings store come from the store when it is registered.
    /// </summary>
    /// <remarks>
    /// Made by factories, not by the container's reflection over their constructors: under Native AOT that reflection
    /// (metadata, parameter types, invoking the constructor) was a tenth of a cold `ask`. The optional dependencies are
    /// what the container would give them: the registered service, or none.
    /// </remarks>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationMonitor>(_ => new UnmonitoredConversations());
        services.TryAddSingleton(sp => new LanguagePolicy(sp.GetRequiredService<IOptions<AnswerEngineOptions>>(), sp.GetService<IChatSettingsStore>()));
        services.TryAddSingleton(sp => new ConversationLedger(sp.LoggerFor<ConversationLedger>(), sp.GetService<IUpdateLedger>()));
        services.TryAddSingleton(sp => new DraftQuestions(sp.GetRequiredService<IConversationMonitor>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ConversationPipeline(
            sp.GetRequiredService<IAnswerEngine>(),
            sp.GetRequiredService<LanguagePolicy>(),
            sp.GetRequiredService<ConversationLedger>(),
            sp.GetRequiredService<IConversationMonitor>(),
            sp.GetRequiredService<DraftQuestions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.LoggerFor<ConversationPipeline>()));
        return services;
    }
}
