using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;
using AstroBench.Core.Storage;
using AstroBench.Server.Hosting;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Storage;

/// <summary><c>DELETE /api/runs/{id}</c> (409 when protected) and <c>POST /api/runs/{id}/pin|unpin</c>.</summary>
internal static class RetentionRunEndpoints
{
    public static IEndpointRouteBuilder MapRetentionRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapDelete("/{runId}", Delete).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/{runId}/pin", Pin).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/{runId}/unpin", Unpin).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Results<NoContent, ProblemHttpResult> Delete(string runId, ServerPaths paths, RetentionProtection protection,
        RunFolderReader reader, RunSizeCache sizes)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        var (outcome, _, error) = RunDeletion.Delete(paths.ResultsDir, runId, protection);
        switch (outcome)
        {
            case RunDeletionOutcome.NotFound:
                return Ids.NotFound($"No run {runId}.");
            case RunDeletionOutcome.Protected:
                var conflict = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Run is protected",
                    Detail = protection.Pins.IsPinned(runId)
                        ? $"Run {runId} is pinned; unpin it first (POST /api/runs/{runId}/unpin)."
                        : protection.Baselines.RunIds().Contains(runId)
                            ? $"Run {runId} is a baseline; remove the baseline first (DELETE /api/baselines/{{testbed}})."
                            : $"Run {runId} is still referred to by a job that has not finished.",
                };
                conflict.Extensions["pinned"] = protection.Pins.IsPinned(runId);
                return TypedResults.Problem(conflict);
            case RunDeletionOutcome.Failed:
                return TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Delete failed",
                    Detail = $"Run {runId} could not be deleted: {error}",
                });
            default:
                sizes.Forget(runId);
                reader.Refresh();
                return TypedResults.NoContent();
        }
    }

    public static Results<Ok<RunPinDto>, ProblemHttpResult> Pin(string runId, RunFolderReader reader, RetentionProtection protection, TimeProvider time) =>
        SetPin(runId, reader, () => protection.Pins.Pin(runId, time.GetUtcNow()), pinned: true);

    public static Results<Ok<RunPinDto>, ProblemHttpResult> Unpin(string runId, RunFolderReader reader, RetentionProtection protection) =>
        SetPin(runId, reader, () => protection.Pins.Unpin(runId), pinned: false);

    private static Results<Ok<RunPinDto>, ProblemHttpResult> SetPin(string runId, RunFolderReader reader, Func<bool> change, bool pinned)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        if (!reader.TryGetRunDirectory(runId, out _))
        {
            return Ids.NotFound($"No run {runId}.");
        }
        change();
        return TypedResults.Ok(new RunPinDto(runId, pinned));
    }
}
