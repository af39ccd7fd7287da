using AstroBench.Server.Execution;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using AstroBench.Server.Queue;
using AstroBench.Server.Security;
using AstroBench.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Endpoints;

/// <summary>/api/benchmark: start, list, inspect, logs, cancel and kill jobs.</summary>
internal static class JobEndpoints
{
    public static IEndpointRouteBuilder MapJobs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/benchmark").WithTags("Jobs");
        group.MapPost("/start", Start).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("/jobs", List);
        group.MapGet("/jobs/{id}", Get);
        group.MapGet("/jobs/{id}/history", History);
        group.MapGet("/active", Active);
        group.MapGet("/jobs/{id}/logs", Logs);
        group.MapPost("/jobs/{id}/cancel", Cancel).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/jobs/{id}/kill", Kill).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Results<Ok<JobDto>, ProblemHttpResult> Start(StartJobRequest? request, JobQueue queue, DrainState drain, QueueView view,
        JobStore store, StorageEstimator storage, IOptions<AstroBenchServerOptions> options, Execution.Slurm.SlurmCatalog slurm)
    {
        var (config, notes, errors) = StartJobValidator.Validate(request, options.Value.JobLimits, slurm);
        if (config is null)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(errors)
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid benchmark request",
            });
        }
        if (drain.Draining)
        {
            return DrainState.StartRefused();
        }
        // Busy answers 409 as it always did (the queue decides); only an idle lab looks at the disk (507, docs/storage.md).
        if (store.GetActive() is null && storage.EstimateForStart(config) is { WouldRefuse: true } estimate)
        {
            return StorageEndpoints.InsufficientStorage(estimate);
        }
        var result = queue.StartIfIdle(config, notes);
        if (result.Job is null)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A benchmark job is already active",
                Detail = $"Job {result.ActiveJobId} is {result.ActiveStatus}; wait for it or cancel it.",
            };
            problem.Extensions["active_job_id"] = result.ActiveJobId;
            problem.Extensions["active_status"] = result.ActiveStatus;
            return TypedResults.Problem(problem);
        }
        return TypedResults.Ok(view.Dto(result.Job));
    }

    public const int MaxListLimit = 1000;

    /// <summary>
    /// A plain array, oldest first, as the original lab answers (its clients expect exactly that);
    /// <c>order=desc</c>, <c>limit</c> and <c>offset</c> page it, and <c>X-Total-Count</c> carries the total.
    /// </summary>
    public static Results<Ok<List<JobDto>>, ProblemHttpResult> List(JobStore store, QueueView view, HttpResponse response,
        int? limit, int? offset, string? order)
    {
        if (limit is < 1 or > MaxListLimit || offset is < 0)
        {
            return Ids.BadRequest($"limit must be 1..{MaxListLimit} and offset ≥ 0.");
        }
        if (order is not (null or "asc" or "desc"))
        {
            return Ids.BadRequest("order must be asc or desc.");
        }
        var jobs = view.Dtos(store.List(limit ?? -1, offset ?? 0, newestFirst: order == "desc"));
        response.Headers["X-Total-Count"] = store.Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(jobs);
    }

    public static Results<Ok<JobDto>, ProblemHttpResult> Get(string id, JobStore store, QueueView view)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        return store.Get(id) is { } row ? TypedResults.Ok(view.Dto(row)) : Ids.NotFound($"No job {id}.");
    }

    public static Results<Ok<List<JobHistoryItemDto>>, ProblemHttpResult> History(string id, JobStore store)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        if (store.Get(id) is null)
        {
            return Ids.NotFound($"No job {id}.");
        }
        return TypedResults.Ok(store.History(id).Select(h => new JobHistoryItemDto(h.From, h.To, h.At, h.Reason)).ToList());
    }

    public static Results<Ok<JobDto>, NoContent> Active(JobStore store, QueueView view) =>
        store.GetActive() is { } row ? TypedResults.Ok(view.Dto(row)) : TypedResults.NoContent();

    /// <summary>
    /// A JSON page of lines when asked for JSON (<c>Accept: application/json</c>) or for a range
    /// (<c>from</c>, <c>limit</c>, <c>tail</c>); otherwise the whole log as <c>text/plain</c>, as the
    /// original lab answers (its clients read <c>res.text()</c>), streamed from the file.
    /// </summary>
    public static Results<Ok<LogPageDto>, FileStreamHttpResult, ProblemHttpResult> Logs(string id, long? from, int? limit, int? tail,
        HttpRequest request, HttpResponse response, JobStore store, JobFeeds feeds, ServerPaths paths)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        if (from is < 0 || limit is < 1 or > 10_000 || tail is < 1 or > 10_000)
        {
            return Ids.BadRequest("from must be ≥ 0; limit and tail 1..10000.");
        }
        if (store.Get(id) is not { } row)
        {
            return Ids.NotFound($"No job {id}.");
        }
        // Only log retention deletes the log of a job that wrote lines: say so instead of showing an empty log.
        var removed = JobStatus.IsTerminal(row.Status) && row.LogLines > 0 && !File.Exists(paths.LogFile(id));
        if (from is null && limit is null && tail is null && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            if (removed)
            {
                response.Headers["X-AstroBench-Log-Removed"] = "retention";
            }
            return TypedResults.Stream(PlainLog.Open(paths.LogFile(id)), "text/plain; charset=utf-8");
        }
        var feed = feeds.Get(row);
        var total = feed.Count;
        var start = tail is { } t ? Math.Max(0, total - t) : Math.Min(from ?? 0, total);
        var lines = feed.Read(start, tail ?? limit ?? 1000);
        return TypedResults.Ok(new LogPageDto(lines, start, start + lines.Count, total, removed));
    }

    public static Task<Results<Ok<JobDto>, ProblemHttpResult>> Cancel(string id, double? grace, bool? wait, JobRunner runner, JobFeeds feeds,
        IOptions<AstroBenchServerOptions> options)
    {
        if (grace is < 0 or > 60 || grace is { } g && !double.IsFinite(g))
        {
            return Task.FromResult<Results<Ok<JobDto>, ProblemHttpResult>>(Ids.BadRequest("grace must be between 0 and 60 seconds."));
        }
        // Waits by default, as the original lab did: the answer is the job once its processes are gone ("cancelled").
        return DoCancel(id, grace ?? options.Value.CancelGraceSeconds, kill: false, wait ?? true, runner, feeds);
    }

    public static Task<Results<Ok<JobDto>, ProblemHttpResult>> Kill(string id, bool? wait, JobRunner runner, JobFeeds feeds) =>
        DoCancel(id, 0, kill: true, wait ?? true, runner, feeds);

    private static async Task<Results<Ok<JobDto>, ProblemHttpResult>> DoCancel(string id, double grace, bool kill, bool wait, JobRunner runner, JobFeeds feeds)
    {
        if (!Ids.IsJobId(id))
        {
            return Ids.Invalid("job id", id);
        }
        var result = await runner.CancelAsync(id, TimeSpan.FromSeconds(grace), kill, wait);
        switch (result.State)
        {
            case CancelState.NotFound:
                return Ids.NotFound($"No job {id}.");
            case CancelState.NotActive:
                var conflict = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Job is not running",
                    Detail = $"Job {id} is {result.Job?.Status}.",
                };
                // Not "status": that member is the HTTP status of the problem itself.
                conflict.Extensions["job_status"] = result.Job?.Status;
                return TypedResults.Problem(conflict);
            case CancelState.Failed:
                var failed = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Cancel failed",
                    Detail = result.Outcome?.Error ?? "The job's processes could not be stopped.",
                };
                failed.Extensions["pids"] = result.Outcome?.Survivors;
                return TypedResults.Problem(failed);
            default:
                return TypedResults.Ok(JobDto.From(result.Job!, feeds.GetLive(id)));
        }
    }
}
