using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstroBench.Server.Queue;

/// <summary>The queue's DI setup: signal, drain state, limits, the enqueue service, the view and the dispatcher loop.</summary>
internal static class QueueServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchQueue(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DrainState>();
        services.AddSingleton<QueueLimits>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<QueueView>();
        services.AddSingleton<Dispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Dispatcher>());
        return services;
    }
}
