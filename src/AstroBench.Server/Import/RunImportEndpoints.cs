using System.Text.Json.Nodes;
using AstroBench.Core.Baselines;
using AstroBench.Core.Import;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Reading;
using AstroBench.Server.Events;
using AstroBench.Server.Hosting;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Import;

/// <summary>
/// <c>POST /api/runs/import</c>: the body is a zip of one run folder (docs/publish-import.md). 201 with the run, 409 when
/// the id exists, 413 above the upload limit, 422 with a <c>code</c> for every other refusal; nothing is written then.
/// A successful import appends <c>run.imported</c> to the lab event log: the one place later consumers (notifications,
/// the results index) hear of it.
/// </summary>
internal static class RunImportEndpoints
{
    public static IEndpointRouteBuilder MapRunImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/runs/import", Import).WithTags("Runs")
            .AddEndpointFilter(TokenGuard.Filter)
            .WithMetadata(new ImportBodyLimit(RunImportLimits.Default.MaxTotalBytes));
        return app;
    }

    public static async Task<Results<Created<RunImportDto>, ProblemHttpResult>> Import(HttpContext context, ServerPaths paths,
        RunFolderReader reader, LabEventLog events, CancellationToken ct)
    {
        var limit = RunImportLimits.Default.MaxTotalBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        var upload = Path.Combine(paths.ResultsDir, RunIds.StagingFolder, $"upload-{Guid.NewGuid():N}.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(upload)!);
        try
        {
            await using (var file = new FileStream(upload, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true))
            {
                await context.Request.Body.CopyToAsync(file, ct);
            }
            RunImportResult result;
            await using (var zip = File.OpenRead(upload))
            {
                result = RunImporter.ImportZip(zip, paths.ResultsDir);
            }
            reader.Refresh();
            var testbed = TestbedKey.Of(reader.ReadManifest(result.RunId));
            events.Append(LabEventTypes.RunImported, null, result.RunId, new JsonObject
            {
                ["run_id"] = result.RunId, ["testbed"] = testbed, ["files"] = result.Files, ["bytes"] = result.Bytes,
            });
            return TypedResults.Created($"/api/runs/{result.RunId}", new RunImportDto(result.RunId, testbed, result.Files, result.Bytes));
        }
        catch (RunImportException ex)
        {
            return Refused(ex);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge, Title = "Upload too large", Detail = $"A run archive is limited to {limit} bytes.",
            });
        }
        finally
        {
            File.Delete(upload);
        }
    }

    private static ProblemHttpResult Refused(RunImportException ex)
    {
        var problem = new ProblemDetails
        {
            Status = ex.Failure == RunImportFailure.Duplicate ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title = ex.Failure == RunImportFailure.Duplicate ? "Run exists" : "Import refused",
            Detail = ex.Message,
        };
        problem.Extensions["code"] = ex.Code;
        return TypedResults.Problem(problem);
    }
}
