using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;
using AstroBench.Server.Jobs;
using AstroBench.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>/api/storage: disk usage of runs, logs and the job store, and a job's predicted size (docs/storage.md).</summary>
internal static class StorageEndpoints
{
    public static IEndpointRouteBuilder MapStorage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/storage").WithTags("Storage");
        group.MapGet("", Get);
        group.MapGet("/estimate", Estimate);
        return app;
    }

    public static Ok<StorageDto> Get(StorageUsage usage) => TypedResults.Ok(usage.Measure());

    /// <summary>The start form's values as a query: the same validation (422) and defaults as POST /api/benchmark/start.</summary>
    public static Results<Ok<StorageEstimateDto>, ProblemHttpResult> Estimate(int? n, string? experiments, string? libraries, StorageEstimator estimator)
    {
        var request = new StartJobRequest(RunCommandLine.ParseList(experiments), RunCommandLine.ParseList(libraries), n, null, null, null, null, null);
        var (config, _, errors) = StartJobValidator.Validate(request);
        if (config is null)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid estimate request",
            });
        }
        try
        {
            return TypedResults.Ok(estimator.Estimate(config));
        }
        catch (RunPlanException ex)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The job cannot run here",
                Detail = ex.Message,
            });
        }
    }

    /// <summary>The 507 a start (or a dispatch) answers when <see cref="StorageEstimateDto.WouldRefuse"/>.</summary>
    public static ProblemHttpResult InsufficientStorage(StorageEstimateDto estimate)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status507InsufficientStorage,
            Title = "Not enough disk space",
            Detail = estimate.Detail,
        };
        problem.Extensions["free_bytes"] = estimate.FreeBytes;
        problem.Extensions["predicted_bytes"] = estimate.PredictedBytes;
        problem.Extensions["min_free_disk_mb"] = estimate.MinFreeDiskMb;
        return TypedResults.Problem(problem);
    }
}
