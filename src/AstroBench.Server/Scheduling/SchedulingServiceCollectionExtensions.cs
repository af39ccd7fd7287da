using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AstroBench.Server.Scheduling;

/// <summary>The schedules' DI setup: store, clock (tests replace it with a fake one) and the scheduler loop.</summary>
internal static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddAstroBenchSchedules(this IServiceCollection services)
    {
        services.TryAddSingleton(new ScheduleClock(TimeProvider.System));
        services.AddSingleton(sp => new ScheduleStore(sp.GetRequiredService<Hosting.ServerPaths>()));
        services.AddSingleton<Scheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<Scheduler>());
        return services;
    }
}
