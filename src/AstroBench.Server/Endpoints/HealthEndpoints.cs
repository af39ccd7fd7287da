using System.Diagnostics;
using System.Reflection;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

public sealed record HealthDto(string Status, string Version, string Root, string ResultsDir, string? ActiveJobId, long JobsTotal, double UptimeSeconds);

/// <summary>GET /api/health.</summary>
internal static class HealthEndpoints
{
    private static readonly Stopwatch Uptime = Stopwatch.StartNew();

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Health).WithTags("Health");
        return app;
    }

    public static Ok<HealthDto> Health(JobStore store, ServerPaths paths) => TypedResults.Ok(new HealthDto("ok",
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        paths.Root, paths.ResultsDir, store.GetActive()?.Id, store.Count(), Math.Round(Uptime.Elapsed.TotalSeconds, 1)));
}
