using System.IO.Compression;
using System.Text.Json.Nodes;
using AstroBench.Core.History;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Storage;
using AstroBench.Server.Security;
using AstroBench.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>/api/runs: the results API over run folders.</summary>
internal static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/runs").WithTags("Runs");
        group.MapGet("/", List);
        group.MapGet("/{runId}", Get);
        group.MapGet("/{runId}/experiments/{experiment}", Experiment);
        group.MapGet("/{runId}/experiments/{experiment}/summary", ExperimentSummary);
        group.MapGet("/{runId}/experiments/{experiment}/cases", Cases);
        group.MapGet("/{runId}/performance-matrix", PerformanceMatrix);
        group.MapGet("/{runId}/download", Download);
        group.MapPost("/reload", Reload).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    /// <summary>From the results index (docs/history.md): no folder is parsed here, only new ones once by the index's sync.</summary>
    public static Results<Ok<List<RunListItemDto>>, ProblemHttpResult> List(ResultsIndex index, RetentionProtection protection,
        int? limit, int? offset)
    {
        if (limit is < 1 || offset is < 0)
        {
            return Ids.BadRequest("limit must be ≥ 1 and offset ≥ 0.");
        }
        var pins = protection.Pins.All();
        var runs = index.ListRuns().Skip(offset ?? 0).Take(limit ?? int.MaxValue)
            .Select(r => RunListItemDto.From(r.Summary) with { Bytes = r.Bytes, Pinned = pins.Contains(r.Summary.Id) })
            .ToList();
        return TypedResults.Ok(runs);
    }

    public static Results<Ok<RunDetailDto>, ProblemHttpResult> Get(string runId, RunFolderReader reader, RunSizeCache sizes, RetentionProtection protection)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        return reader.ReadRun(runId) is { } run
            ? TypedResults.Ok(RunDetailDto.From(run) with { Bytes = SizeOf(runId, reader, sizes), Pinned = protection.Pins.IsPinned(runId) })
            : Ids.NotFound($"No run {runId}.");
    }

    /// <summary>A run's bytes on disk (cached per run); 0 when it vanished meanwhile.</summary>
    private static long SizeOf(string runId, RunFolderReader reader, RunSizeCache sizes)
    {
        try
        {
            return reader.TryGetRunDirectory(runId, out var dir) ? sizes.Get(runId, dir).Bytes : 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>A plain array of the experiment's results, reference first, as the original lab answers.</summary>
    public static Results<Ok<List<JsonObject>>, ProblemHttpResult> Experiment(string runId, string experiment, RunFolderReader reader)
    {
        if (ValidateExperiment(runId, experiment) is { } invalid)
        {
            return invalid;
        }
        return reader.ReadExperiment(runId, experiment) is { } r
            ? TypedResults.Ok(RunDetailDto.ExperimentResultViews(r.Results, reader.ReadManifest(runId)))
            : Ids.NotFound($"No experiment {experiment} in run {runId}.");
    }

    public static Results<Ok<ExperimentSummaryDto>, ProblemHttpResult> ExperimentSummary(string runId, string experiment, RunFolderReader reader)
    {
        if (ValidateExperiment(runId, experiment) is { } invalid)
        {
            return invalid;
        }
        return reader.ReadExperiment(runId, experiment) is { } r
            ? TypedResults.Ok(new ExperimentSummaryDto(r.Experiment, r.RunId, r.SummaryMarkdown))
            : Ids.NotFound($"No experiment {experiment} in run {runId}.");
    }

    private static ProblemHttpResult? ValidateExperiment(string runId, string experiment) =>
        !Ids.IsRunId(runId) ? Ids.Invalid("run id", runId)
        : !Ids.IsExperiment(experiment) ? Ids.Invalid("experiment id", experiment)
        : null;

    public static async Task<Results<Ok<CasesPageDto>, ProblemHttpResult>> Cases(string runId, string experiment, long? offset, int? limit,
        RunFolderReader reader, CancellationToken ct)
    {
        if (ValidateExperiment(runId, experiment) is { } invalid)
        {
            return invalid;
        }
        if (offset is < 0 || limit is < 1 or > 5000)
        {
            return Ids.BadRequest("offset must be ≥ 0 and limit 1..5000.");
        }
        return await reader.ReadCasesAsync(runId, experiment, offset ?? 0, limit ?? 500, ct) is { } page
            ? TypedResults.Ok(new CasesPageDto(page.Columns, page.Rows, page.Offset, page.Limit, page.Total))
            : Ids.NotFound($"No cases for {experiment} in run {runId}.");
    }

    public static Results<Ok<PerformanceMatrixDto>, ProblemHttpResult> PerformanceMatrix(string runId, RunFolderReader reader)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        if (reader.ReadRun(runId) is not { } run)
        {
            return Ids.NotFound($"No run {runId}.");
        }
        var cells = new List<PerformanceCellDto>();
        foreach (var group in run.Rows.GroupBy(r => r.Experiment))
        {
            var ranked = group.Where(r => r.PerfValid == true && r.MedianNs is not null).OrderBy(r => r.MedianNs).ToList();
            foreach (var r in group)
            {
                var rank = ranked.IndexOf(r);
                cells.Add(new PerformanceCellDto(r.Experiment, r.Library, r.Role, r.MedianNs, r.CiLowNs, r.CiHighNs, r.CvPercent,
                    r.PerfValid == true, r.PerfInvalidReason, RunRowDto.SpeedupOrNull(r, r.SpeedupVsReference), rank < 0 ? null : rank + 1,
                    r.Parity, r.CiLevel, RunRowDto.SpeedupOrNull(r, r.SpeedupCiLow), RunRowDto.SpeedupOrNull(r, r.SpeedupCiHigh),
                    RunRowDto.SpeedupOrNull(r, r.SpeedupCiLevel), r.PerfValid == true ? r.SpeedupVerdict : null, r.SpeedupLabel));
            }
        }
        return TypedResults.Ok(new PerformanceMatrixDto(runId,
            run.Rows.Select(r => r.Experiment).Distinct().ToList(),
            run.Rows.Select(r => r.Library).Distinct().Order(StringComparer.Ordinal).ToList(), cells));
    }

    public static async Task<IResult> Download(string runId, RunFolderReader reader, HttpContext context)
    {
        if (!Ids.IsRunId(runId))
        {
            return Ids.Invalid("run id", runId);
        }
        if (!reader.TryGetRunDirectory(runId, out var dir))
        {
            return Ids.NotFound($"No run {runId}.");
        }
        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{runId}.zip\"";
        // ZipArchive writes synchronously; allow it for this response only (the body is streamed, never buffered whole).
        if (context.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }
        await context.Response.StartAsync();
        using (var zip = new ZipArchive(context.Response.Body, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(dir, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
                {
                    continue;
                }
                // Parquet is compressed already (zstd): deflating it again costs CPU and saves nothing.
                var level = file.EndsWith(".parquet", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
                var entry = zip.CreateEntry(runId + "/" + relative.Replace(Path.DirectorySeparatorChar, '/'), level);
                await using var target = entry.Open();
                await using var source = File.OpenRead(file);
                await source.CopyToAsync(target, context.RequestAborted);
            }
        }
        return Results.Empty;
    }

    /// <summary>Drops the reader's caches and rebuilds the results index from the folders.</summary>
    public static Ok<ReloadDto> Reload(RunFolderReader reader, ResultsIndex index)
    {
        reader.Reload();
        return TypedResults.Ok(new ReloadDto(index.Rebuild()));
    }
}
