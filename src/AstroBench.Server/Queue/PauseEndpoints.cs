using AstroBench.Server.Execution;
using AstroBench.Server.Jobs;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Queue;

/// <summary>POST /api/benchmark/jobs/{id}/pause and /resume (docs/pause.md).</summary>
internal static class PauseEndpoints
{
    public static RouteGroupBuilder MapPause(this RouteGroupBuilder group)
    {
        group.MapPost("/jobs/{id}/pause", Pause).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/jobs/{id}/resume", Resume).AddEndpointFilter(TokenGuard.Filter);
        return group;
    }

    /// <summary>202 with the job (still <c>running</c>, <c>pause_requested</c> set); it turns <c>paused</c> when the run stops.</summary>
    public static Results<Accepted<JobDto>, ProblemHttpResult> Pause(string id, string? mode, JobRunner runner, JobStore store, QueueView view)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        mode ??= JobRunner.PauseBoundary;
        if (mode is not (JobRunner.PauseBoundary or JobRunner.PauseNow))
        {
            var detail = $"mode must be '{JobRunner.PauseBoundary}' or '{JobRunner.PauseNow}', not '{mode}'.";
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["mode"] = [detail] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid pause request",
                Detail = detail,
            });
        }
        return runner.Pause(id, mode) switch
        {
            PauseOutcome.NotFound => Ids.NotFound($"No job {id}."),
            PauseOutcome.Conflict => Conflict(store, id, "Job is not running", "only a running job whose run has started can pause"),
            _ => TypedResults.Accepted($"/api/benchmark/jobs/{id}", view.Dto(store.Get(id)!)),
        };
    }

    /// <summary>200 with the job back in the queue (<c>queued</c>, its place); the dispatcher resumes it from its checkpoint.</summary>
    public static Results<Ok<JobDto>, ProblemHttpResult> Resume(string id, JobRunner runner, JobStore store, QueueView view)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        return runner.Resume(id) switch
        {
            PauseOutcome.NotFound => Ids.NotFound($"No job {id}."),
            PauseOutcome.Conflict => Conflict(store, id, "Job is not paused", "only a paused job can resume"),
            _ => TypedResults.Ok(view.Dto(store.Get(id)!)),
        };
    }

    private static ProblemHttpResult Conflict(JobStore store, string id, string title, string rule)
    {
        var status = store.Get(id)?.Status;
        var conflict = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = title, Detail = $"Job {id} is {status}; {rule}." };
        conflict.Extensions["job_status"] = status;
        return TypedResults.Problem(conflict);
    }
}
