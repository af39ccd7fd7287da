using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstroBench.Server.Storage;

/// <summary>Retention's DI setup: options, rules store, protection, service and the sweeper loop.</summary>
internal static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RetentionOptions>(configuration.GetSection(RetentionOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RetentionRulesStore>();
        services.AddSingleton<RetentionProtection>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());
        return services;
    }
}
