using System.Globalization;
using System.Text.RegularExpressions;
using AstroBench.Core.History;
using AstroBench.Core.Results;
using AstroBench.Core.Testbeds;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.History;

/// <summary>/api/regressions: detected changes and their states (docs/history.md). PATCH needs the token when one is set.</summary>
internal static partial class RegressionApi
{
    public const int MaxNoteLength = 2000;
    public const int MaxByLength = 100;

    public static IEndpointRouteBuilder MapRegressions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/regressions").WithTags("Regressions");
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPatch("/{id}", Patch).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Results<Ok<List<RegressionDto>>, ProblemHttpResult> List(string? state, string? direction, string? kind, string? testbed,
        string? experiment, string? library, string? metric, int? limit, int? offset, RegressionStore store, HttpResponse response)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        HistoryValidation.Optional(errors, "state", state, RegressionStates.IsKnown);
        HistoryValidation.Optional(errors, "direction", direction, d => d is DetectedChange.Regression or DetectedChange.Improvement);
        HistoryValidation.Optional(errors, "kind", kind, k => k is DetectedChange.Accuracy or DetectedChange.Performance);
        HistoryValidation.Optional(errors, "testbed", testbed, Testbed.IsValidKey);
        HistoryValidation.Optional(errors, "experiment", experiment, RunIds.IsValidExperiment);
        HistoryValidation.Optional(errors, "library", library, RunIds.IsValidLibrary);
        HistoryValidation.Optional(errors, "metric", metric, SeriesKey.IsValidMetric);
        if (limit is < 1 or > 5000 || offset is < 0)
        {
            errors["limit"] = ["limit must be 1..5000 and offset ≥ 0."];
        }
        if (errors.Count > 0)
        {
            return HistoryValidation.Problem(errors, "Invalid regressions query");
        }
        var (items, total) = store.List(new RegressionFilter(state, direction, kind, testbed, experiment, library, metric, limit ?? 500, offset ?? 0));
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(items.Select(RegressionDto.From).ToList());
    }

    public static Results<Ok<RegressionDto>, ProblemHttpResult> Get(string id, RegressionStore store) =>
        !IdPattern().IsMatch(id) ? Ids.Invalid("regression id", id)
        : store.Get(id) is { } r ? TypedResults.Ok(RegressionDto.From(r))
        : Ids.NotFound($"No regression {id}.");

    public static Results<Ok<RegressionDto>, ProblemHttpResult> Patch(string id, RegressionPatchRequest? request, RegressionStore store, TimeProvider time)
    {
        if (!IdPattern().IsMatch(id))
        {
            return Ids.Invalid("regression id", id);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        HistoryValidation.Require(errors, "state", request?.State, RegressionStates.IsKnown);
        HistoryValidation.Require(errors, "by", request?.By?.Trim(), b => b.Length <= MaxByLength);
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"note is limited to {MaxNoteLength} characters."];
        }
        else if (note is null && request?.State == RegressionStates.ExpectedShift)
        {
            errors["note"] = ["an expected-shift needs a note saying why."];
        }
        if (errors.Count > 0)
        {
            return HistoryValidation.Problem(errors, "Invalid regression change");
        }
        return store.SetState(id, request!.State!, note, request.By!.Trim(), time.GetUtcNow()) is { } updated
            ? TypedResults.Ok(RegressionDto.From(updated))
            : Ids.NotFound($"No regression {id}.");
    }

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex IdPattern();
}
