using ClusterBot.Core;
using ClusterBot.Core.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClusterBot.Drawing;

public static class DrawingServiceCollectionExtensions
{
    /// <summary>Timeline pictures (`Timeline` section, validated at start), drawn with SkiaSharp.</summary>
    public static IServiceCollection AddTimelinePictures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimelineOptions>().Bind(configuration.GetSection(TimelineOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TimelineOptions>, TimelineOptionsValidation>());
        // A factory: the container's reflection over the constructor is costly under Native AOT.
        services.AddSingleton(sp => new SkiaTimelinePainter(sp.GetRequiredService<IOptions<TimelineOptions>>(), sp.LoggerFor<SkiaTimelinePainter>()));
        services.AddSingleton<ITimelinePainter>(sp => sp.GetRequiredService<SkiaTimelinePainter>());
        return services;
    }
}
