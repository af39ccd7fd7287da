using AstroBench.Core.History;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.History;

/// <summary>/api/history: series over runs from the results index (docs/history.md).</summary>
internal static class HistoryApi
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/history").WithTags("History");
        // The body is written by HistoryJson (bytes, maybe compressed); its shape is the records' for the OpenAPI document.
        group.MapGet("/", Get).Produces<List<HistorySeriesDto>>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/series", Series);
        group.MapGet("/testbeds", Testbeds);
        return app;
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Get(string? experiment, string? library, string? metric, string? testbed,
        string? order, int? limit, HttpContext http, ResultsIndex index, HistoryAnswerCache answers)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        HistoryValidation.Require(errors, "experiment", experiment, RunIds.IsValidExperiment);
        HistoryValidation.Require(errors, "library", library, RunIds.IsValidLibrary);
        HistoryValidation.Optional(errors, "metric", metric, SeriesKey.IsValidMetric);
        HistoryValidation.Optional(errors, "testbed", testbed, Testbed.IsValidKey);
        HistoryValidation.Optional(errors, "order", order, o => o is HistoryJson.TimeOrder or HistoryJson.CommitOrder);
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be 1..{MaxLimit}."];
        }
        if (errors.Count > 0)
        {
            return HistoryValidation.Problem(errors, "Invalid history query");
        }
        index.Sync();
        var answer = answers.Get(new HistoryQuery(experiment!, library!, testbed, metric, limit ?? DefaultLimit, order ?? HistoryJson.TimeOrder));
        var encoding = HistoryEncodings.Choose(http.Request);
        http.Response.Headers.Vary = "Accept-Encoding";
        if (encoding is not null)
        {
            http.Response.Headers.ContentEncoding = encoding;
        }
        return TypedResults.Bytes(answer.Body(encoding), "application/json; charset=utf-8");
    }

    public static Results<Ok<List<SeriesInfoDto>>, ProblemHttpResult> Series(string? testbed, string? experiment, string? library, ResultsIndex index, HistoryQueries queries)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        HistoryValidation.Optional(errors, "experiment", experiment, RunIds.IsValidExperiment);
        HistoryValidation.Optional(errors, "library", library, RunIds.IsValidLibrary);
        HistoryValidation.Optional(errors, "testbed", testbed, Testbed.IsValidKey);
        if (errors.Count > 0)
        {
            return HistoryValidation.Problem(errors, "Invalid series query");
        }
        index.Sync();
        var labels = Labels(queries);
        return TypedResults.Ok(queries.Series(testbed, experiment, library)
            .Select(s => new SeriesInfoDto(s.Key.Testbed, labels.GetValueOrDefault(s.Key.Testbed), s.Key.Experiment, s.Key.Library, s.Key.Metric,
                HistorySeriesBuilder.KindOf(s.Key), s.Unit, s.Points, s.LastRunId))
            .ToList());
    }

    public static Ok<List<TestbedDto>> Testbeds(HistoryQueries queries) => TypedResults.Ok(queries.Testbeds()
        .Select(t => new TestbedDto(t.Key, t.Testbed?.Label, t.Testbed?.CpuModel, t.Testbed?.Cores, t.Testbed?.Os, t.Testbed?.Runtime, t.Testbed?.Compiler, t.Runs))
        .ToList());

    private static Dictionary<string, string?> Labels(HistoryQueries queries) =>
        queries.Testbeds().ToDictionary(t => t.Key, t => t.Testbed?.Label, StringComparer.Ordinal);
}
