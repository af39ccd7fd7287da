using AstroBench.Core.Baselines;
using AstroBench.Core.Results.Reading;
using AstroBench.Server.Security;
using AstroBench.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Baselines;

/// <summary><c>GET/POST /api/baselines</c>, <c>DELETE /api/baselines/{testbed}</c>: one baseline run per testbed (docs/ci.md).</summary>
internal static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaselines(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/baselines").WithTags("Baselines");
        group.MapGet("/", List);
        group.MapPost("/", Set).AddEndpointFilter(TokenGuard.Filter);
        group.MapDelete("/{testbed}", Remove).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Ok<List<BaselineDto>> List(RetentionProtection protection, RunFolderReader reader) =>
        TypedResults.Ok(protection.Baselines.All().Select(b => BaselineDto.From(b, TestbedKey.LabelOf(reader.ReadManifest(b.RunId)))).ToList());

    public static Results<Ok<BaselineDto>, ProblemHttpResult> Set(SetBaselineRequest? body, RetentionProtection protection, RunFolderReader reader,
        TimeProvider time)
    {
        var runId = body?.RunId;
        if (!Ids.IsRunId(runId))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Invalid baseline",
                Detail = runId is null ? "run_id is required." : $"'{(runId.Length > 64 ? runId[..64] + "…" : runId)}' is not a valid run id.",
            });
        }
        if (!reader.TryGetRunDirectory(runId!, out _))
        {
            return Ids.NotFound($"No run {runId}.");
        }
        var manifest = reader.ReadManifest(runId!);
        var baseline = protection.Baselines.Set(TestbedKey.Of(manifest), runId!, time.GetUtcNow());
        return TypedResults.Ok(BaselineDto.From(baseline, TestbedKey.LabelOf(manifest)));
    }

    public static Results<NoContent, ProblemHttpResult> Remove(string testbed, RetentionProtection protection)
    {
        if (!TestbedKey.IsValid(testbed))
        {
            return Ids.Invalid("testbed key (16 lowercase hex digits or 'unknown')", testbed);
        }
        return protection.Baselines.Remove(testbed) ? TypedResults.NoContent() : Ids.NotFound($"No baseline for testbed {testbed}.");
    }
}
