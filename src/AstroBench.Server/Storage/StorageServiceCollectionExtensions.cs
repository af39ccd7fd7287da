using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AstroBench.Server.Storage;

/// <summary>The disk figures, the start-time space check and the disk.low monitor (called from AddAstroBenchServer).</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchDiskStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageDiskOptions>(configuration.GetSection(Hosting.AstroBenchServerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageUsage>();
        services.AddSingleton<StorageEstimator>();
        services.AddSingleton<DiskLowMonitor>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DiskLowMonitor>());
        return services;
    }
}
