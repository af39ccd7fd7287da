using AstroBench.Core.History;
using AstroBench.Core.Storage;
using AstroBench.Server.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstroBench.Server.History;

/// <summary>History's DI setup: the results index (shared with the CLI), its queries, the regression store and scanner, and the follower loop.</summary>
internal static class HistoryServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HistoryOptions>(configuration.GetSection(HistoryOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new ResultsIndex(sp.GetRequiredService<ServerPaths>().ResultsDir, sp.GetRequiredService<RunSizeCache>()));
        services.AddSingleton(sp => new HistoryQueries(sp.GetRequiredService<ResultsIndex>()));
        services.AddSingleton<HistoryAnswerCache>();
        services.AddSingleton(sp => new RegressionStore(sp.GetRequiredService<ResultsIndex>()));
        services.AddSingleton(sp => new RegressionScanner(sp.GetRequiredService<ResultsIndex>(), time: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HistoryFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryFollower>());
        return services;
    }
}
