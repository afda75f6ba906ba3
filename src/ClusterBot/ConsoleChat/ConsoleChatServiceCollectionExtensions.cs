using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterBot.ConsoleChat;

public static class ConsoleChatServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleChat(this IServiceCollection services)
    {
        services.TryAddSingleton(new ConsoleChatIo(Console.In, Console.Out));
        services.AddHostedService<ConsoleChatService>();
        return services;
    }
}
