using AstroBench.Core.Experiments;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results.Reading;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>GET /api/runs/{id}/scoreboard and /api/runs/{id}/pairs (docs/scoreboard.md): computed in Core, as <c>astrobench runs show</c>.</summary>
internal static class ScoreboardEndpoints
{
    public static IEndpointRouteBuilder MapScoreboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapGet("/{runId}/scoreboard", Scoreboard);
        group.MapGet("/{runId}/pairs", Pairs);
        return app;
    }

    public static Results<Ok<RunScoreboard>, ProblemHttpResult> Scoreboard(string runId, RunFolderReader reader)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        return reader.ReadRun(runId) is { } run ? TypedResults.Ok(ScoreboardBuilder.Build(run)) : Ids.NotFound($"No run {runId}.");
    }

    /// <summary>The all-pairs matrices, one per experiment of the catalog with a cases.parquet (or only <paramref name="experiment"/>).</summary>
    public static async Task<Results<Ok<List<ExperimentPairs>>, ProblemHttpResult>> Pairs(string runId, string? experiment, RunFolderReader reader,
        CancellationToken ct)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        if (experiment is not null && !Ids.IsExperiment(experiment))
        {
            return Ids.Invalid("experiment id", experiment);
        }
        if (reader.ReadRun(runId) is not { } run || !reader.TryGetRunDirectory(runId, out var dir))
        {
            return Ids.NotFound($"No run {runId}.");
        }
        if (experiment is not null && !run.Results.ContainsKey(experiment))
        {
            return Ids.NotFound($"No experiment {experiment} in run {runId}.");
        }
        var matrices = new List<ExperimentPairs>();
        foreach (var id in run.Results.Keys.Where(e => experiment is null || e == experiment).Order(StringComparer.Ordinal))
        {
            var libraries = run.Rows.Where(r => r.Experiment == id).Select(r => r.Library).Order(StringComparer.Ordinal).ToList();
            if (ExperimentCatalog.Find(id) is { } def && await PairsMatrix.ComputeAsync(Path.Combine(dir, id), def, libraries, ct) is { } m)
            {
                matrices.Add(m);
            }
        }
        return TypedResults.Ok(matrices);
    }
}
