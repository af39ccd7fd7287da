using System.Text.Json;
using AstroBench.Core.Results.Reading;
using AstroBench.Server.Events;
using AstroBench.Server.Execution;
using AstroBench.Server.History;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using AstroBench.Server.Notifications;
using AstroBench.Server.Queue;
using AstroBench.Server.Scheduling;
using AstroBench.Server.Security;
using AstroBench.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Hosting;

/// <summary>The server's DI setup in one place.</summary>
internal static class AstroBenchServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AstroBenchServerOptions>(configuration.GetSection(AstroBenchServerOptions.Section));
        services.AddSingleton(sp => new ServerPaths(sp.GetRequiredService<IOptions<AstroBenchServerOptions>>().Value));
        services.AddSingleton(sp => LabRootLock.Acquire(sp.GetRequiredService<ServerPaths>().Root));
        services.AddSingleton(sp => new RunFolderReader(sp.GetRequiredService<ServerPaths>().ResultsDir));
        services.AddSingleton<AstroBench.Core.Storage.RunSizeCache>();
        services.AddSingleton(sp => new LabEventLog(sp.GetRequiredService<ServerPaths>()));
        services.AddSingleton(sp => new JobStore(sp.GetRequiredService<ServerPaths>(), sp.GetRequiredService<LabEventLog>()));
        services.AddSingleton<JobFeeds>();
        services.AddSingleton<Execution.Slurm.SlurmClient>();
        services.AddSingleton<Execution.Slurm.SlurmCatalog>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<StartupReconciler>();
        services.AddSingleton<LegacyJobImporter>();
        services.AddSingleton<TokenGuard>();
        services.AddAstroBenchRetention(configuration);
        services.AddAstroBenchNotifications(configuration);
        services.AddAstroBenchDiskStorage(configuration);
        services.AddAstroBenchQueue();
        services.AddAstroBenchSchedules();
        services.AddAstroBenchHistory(configuration);
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddSchemaTransformer<RunLimitsSchemaTransformer>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.Converters.Add(new AstroBench.Core.Results.UtcTimestampJsonConverter());
        });
        return services;
    }
}
