using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClusterBot.Core;

public static class ServiceProviderLoggerExtensions
{
    /// <summary>
    /// The logger the container gives as ILogger&lt;T&gt; (a Logger&lt;T&gt; over the logger factory), for a service's
    /// factory: made without the container's reflection over the open generic type, costly under Native AOT.
    /// </summary>
    public static ILogger<T> LoggerFor<T>(this IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger<T>();
}
