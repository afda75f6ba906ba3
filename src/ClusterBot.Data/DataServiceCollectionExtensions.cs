using ClusterBot.Core.Abstractions;
using ClusterBot.Data.Analytics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>The SQLite store: knowledge (imported from the knowledge folder), chat settings and handled updates.</summary>
    public static IServiceCollection AddClusterBotStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => Directory.Exists(o.ResolvePath()), "Knowledge:Path must name an existing folder of knowledge files.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        services.AddSingleton<KnowledgeStore>();
        services.AddSingleton<KnowledgeLoader>();
        services.AddSingleton<IKnowledgeSource>(sp => sp.GetRequiredService<KnowledgeLoader>());
        services.AddSingleton<IChatSettingsStore, ChatSettingsStore>();
        services.AddSingleton<IUpdateLedger, UpdateLedger>();
        services.AddSingleton<SqliteQuestionLog>();
        services.AddSingleton<IQuestionLog>(sp => sp.GetRequiredService<SqliteQuestionLog>());
        services.AddSingleton<Reports>();
        services.AddSingleton<IReadinessCheck, KnowledgeReadiness>();
        return services;
    }
}
