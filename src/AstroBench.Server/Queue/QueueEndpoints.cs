using AstroBench.Server.Endpoints;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Storage;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Queue;

/// <summary>/api/benchmark: enqueue, the queue in dispatch order, priority changes (docs/queue.md).</summary>
internal static class QueueEndpoints
{
    public static IEndpointRouteBuilder MapQueue(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/benchmark").WithTags("Queue");
        group.MapPost("/jobs", Enqueue).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("/queue", List);
        group.MapPatch("/jobs/{id}", Patch).AddEndpointFilter(TokenGuard.Filter);
        group.MapPause();
        return app;
    }

    public static Results<Created<JobDto>, ProblemHttpResult> Enqueue(EnqueueJobRequest? request, JobQueue queue, QueueView view,
        StorageEstimator storage, IOptions<AstroBenchServerOptions> options, Execution.Slurm.SlurmCatalog slurm)
    {
        var (config, notes, errors) = StartJobValidator.Validate(request?.ToStart(), options.Value.JobLimits, slurm);
        var priority = request is null ? null : QueueValidator.Priority(request.Priority, errors);
        var key = request is null ? null : QueueValidator.Key(request.ConcurrencyKey, errors);
        var preempt = request is null ? null : PreemptValidator.Mode(request.Preempt, request.PreemptMode, errors);
        if (config is null || priority is null || errors.Count > 0)
        {
            return Invalid(errors, "Invalid benchmark request");
        }
        // The same disk rule as a start (507, docs/storage.md); checked again at dispatch.
        if (storage.EstimateForStart(config) is { WouldRefuse: true } estimate)
        {
            return StorageEndpoints.InsufficientStorage(estimate);
        }
        var row = queue.Enqueue(config, notes, priority.Value, key, request!.CancelInProgress ?? false, preempt);
        return TypedResults.Created($"/api/benchmark/jobs/{row.Id}", view.Dto(row));
    }

    /// <summary>Queued jobs in dispatch order with position and estimated start; the count in <c>X-Total-Count</c>.</summary>
    public static FileContentHttpResult List(QueueView view, HttpResponse response)
    {
        var (json, count) = view.ListJson();
        response.Headers["X-Total-Count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The same bytes and content type TypedResults.Json wrote, kept between listings while the queue stands still.
        return TypedResults.Bytes(json, "application/json; charset=utf-8");
    }

    public static Results<Ok<JobDto>, ProblemHttpResult> Patch(string id, PatchJobRequest? request, JobQueue queue, JobStore store, QueueView view)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var priority = QueueValidator.Priority(request?.Priority, errors, required: true);
        if (priority is null)
        {
            return Invalid(errors, "Invalid job change");
        }
        switch (queue.SetPriority(id, priority.Value))
        {
            case null:
                return Ids.NotFound($"No job {id}.");
            case false:
                var status = store.Get(id)?.Status;
                var conflict = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Job is not queued",
                    Detail = $"Job {id} is {status}; only a queued job's priority can change.",
                };
                conflict.Extensions["job_status"] = status;
                return TypedResults.Problem(conflict);
            default:
                return TypedResults.Ok(view.Dto(store.Get(id)!));
        }
    }

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
        });
}
