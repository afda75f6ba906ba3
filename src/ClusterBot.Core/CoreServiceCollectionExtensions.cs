using ClusterBot.Core.Answering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The answering engine and its options (`Bot` section), validated at start.</summary>
    public static IServiceCollection AddClusterBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnswerEngineOptions>().Bind(configuration.GetSection(AnswerEngineOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAnswerEngine, AnswerEngine>();
        return services;
    }
}
