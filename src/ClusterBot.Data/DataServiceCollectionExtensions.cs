using ClusterBot.Core;
using ClusterBot.Core.Abstractions;
using ClusterBot.Data.Analytics;
using ClusterBot.Data.State;
using ClusterBot.Data.Study;
using ClusterBot.Core.Study;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClusterBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// For the running bot: questions are logged through a background queue (written in batches, drained on
    /// shutdown) so the log never slows an answer.
    /// </summary>
    public static IServiceCollection AddBufferedQuestionLog(this IServiceCollection services)
    {
        services.AddSingleton<BufferedQuestionLog>();
        services.AddSingleton<IQuestionLog>(sp => sp.GetRequiredService<BufferedQuestionLog>());
        services.AddHostedService(sp => sp.GetRequiredService<BufferedQuestionLog>());
        return services;
    }

    /// <summary>
    /// The store: knowledge (imported from the knowledge folder into the instance's SQLite file) and the state
    /// database (SQLite or PostgreSQL, by Storage:Provider) with chat settings, handled updates, the inbox and the
    /// question log.
    /// </summary>
    /// <remarks>What a question needs is made by factories, not by the container's reflection over constructors, which
    /// under Native AOT is a measurable part of a cold `ask`.</remarks>
    public static IServiceCollection AddClusterBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName))
            .Validate(o => Directory.Exists(o.ResolvePath()), "Knowledge:Path must name an existing folder of knowledge files.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnowledgeOptions>, KnowledgeOptionsValidation>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        services.AddSingleton(sp => new KnowledgeStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new KnowledgeLoader(sp.GetRequiredService<KnowledgeStore>(), sp.GetRequiredService<IOptions<KnowledgeOptions>>(), sp.LoggerFor<KnowledgeLoader>()));
        services.AddSingleton<IKnowledgeSource>(sp => sp.GetRequiredService<KnowledgeLoader>());
        services.AddStateDatabase();
        services.AddSingleton<IReadinessCheck, KnowledgeReadiness>();
        return services;
    }

    /// <summary>The state database chosen by Storage:Provider and the stores over it; the claim renewer for the running bot.</summary>
    public static IServiceCollection AddStateDatabase(this IServiceCollection services)
    {
        services.AddSingleton<StateDatabase>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return o.Provider == StorageProvider.Postgres
                ? new PostgresStateDatabase(o.ConnectionString!)
                : new SqliteStateDatabase(sp.GetRequiredService<SqliteDatabase>());
        });
        services.AddSingleton(sp => StoreInstance.ForThisProcess(TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<StorageOptions>>().Value.LeaseSeconds)));
        services.AddSingleton(sp => new ChatSettingsStore(sp.GetRequiredService<StateDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatSettingsStore>(sp => sp.GetRequiredService<ChatSettingsStore>());
        services.AddSingleton(sp => new UpdateLedger(sp.GetRequiredService<StateDatabase>(), sp.GetRequiredService<StoreInstance>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IUpdateLedger>(sp => sp.GetRequiredService<UpdateLedger>());
        services.AddSingleton(sp => new UpdateInbox(sp.GetRequiredService<StateDatabase>(), sp.GetRequiredService<StoreInstance>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IUpdateInbox>(sp => sp.GetRequiredService<UpdateInbox>());
        services.AddSingleton(sp => new QuestionLogStore(sp.GetRequiredService<StateDatabase>()));
        services.AddSingleton<IQuestionLog>(sp => sp.GetRequiredService<QuestionLogStore>());
        services.AddSingleton(sp => new Reports(sp.GetRequiredService<StateDatabase>()));
        services.AddSingleton(sp => new QuizStore(sp.GetRequiredService<StateDatabase>()));
        services.AddSingleton<IQuizStore>(sp => sp.GetRequiredService<QuizStore>());
        services.AddSingleton(sp => new QuizDesk(sp.GetRequiredService<IQuizStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadinessCheck, StateReadiness>();
        services.AddHostedService<ClaimLeaseRenewer>();
        return services;
    }
}
