using ClusterBot.Core.Abstractions;
using ClusterBot.Core.Answering;
using ClusterBot.Core.Conversations;
using Microsoft.Extensions.Configuration;
using ClusterBot.Core.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The answering engine and its options (`Bot` section), validated at start, and the conversation pipeline every front end answers through.</summary>
    public static IServiceCollection AddClusterBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnswerEngineOptions>().Bind(configuration.GetSection(AnswerEngineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnswerEngineOptions>, AnswerEngineOptionsValidation>());
        // A factory, not the container's reflection over the constructor (see AddConversations).
        services.AddSingleton(sp => new AnswerEngine(sp.GetRequiredService<IKnowledgeSource>(), sp.GetRequiredService<IOptions<AnswerEngineOptions>>(), sp.GetService<IQuizStore>()));
        services.AddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<AnswerEngine>());
        services.AddConversations();
        return services;
    }

    /// <summary>
    /// What the running bot adds around the conversation pipeline: per-user flood control (`Inbound` section), metrics and
    /// the question log for the curator's reports. Tools (`ask`) answer without it.
    /// </summary>
    public static IServiceCollection AddClusterBotMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboundOptions>().Bind(configuration.GetSection(InboundOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboundOptions>, InboundOptionsValidation>());
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterBotMetrics>();
        services.AddSingleton<InboundFloodGuard>();
        // Registered after the core's unmonitored default, so this one is what the pipeline gets.
        services.AddSingleton<IConversationMonitor, MonitoredConversations>();
        return services;
    }
}
