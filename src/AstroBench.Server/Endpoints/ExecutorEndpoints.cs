using AstroBench.Server.Execution.Slurm;
using AstroBench.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>GET /api/executors: tells the web app whether to show executor and partition in the Run form (docs/slurm.md).</summary>
internal static class ExecutorEndpoints
{
    public static IEndpointRouteBuilder MapExecutors(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/executors", List).WithTags("Executors");
        return app;
    }

    public static Ok<ExecutorsDto> List(SlurmCatalog slurm)
    {
        if (!slurm.Configured)
        {
            return TypedResults.Ok(new ExecutorsDto(JobPlacement.Local, [JobPlacement.Local], false, [], null, [], null));
        }
        try
        {
            var partitions = slurm.Partitions(out var defaultPartition);
            return TypedResults.Ok(new ExecutorsDto(JobPlacement.Slurm, [JobPlacement.Local, JobPlacement.Slurm], true, partitions,
                defaultPartition, slurm.Constraints(), null));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            return TypedResults.Ok(new ExecutorsDto(JobPlacement.Slurm, [JobPlacement.Local, JobPlacement.Slurm], true, [], null, [], ex.Message));
        }
    }
}
