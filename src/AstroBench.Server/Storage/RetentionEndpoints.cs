using System.Text.Json;
using AstroBench.Core.Retention;
using AstroBench.Server.Hosting;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>/api/retention: the rules (read, save, reset), the preview, and a sweep on demand (docs/retention.md).</summary>
internal static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapRetention(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/retention").WithTags("Retention");
        group.MapGet("/", Get);
        group.MapPut("/", Put).AddEndpointFilter(TokenGuard.Filter);
        group.MapDelete("/", Reset).AddEndpointFilter(TokenGuard.Filter);
        group.MapGet("/preview", Preview);
        group.MapPost("/sweep", Sweep).AddEndpointFilter(TokenGuard.Filter);
        app.MapRetentionRuns();
        return app;
    }

    public static Ok<RetentionSettingsDto> Get(RetentionRulesStore store, ServerPaths paths, IOptions<RetentionOptions> options) =>
        TypedResults.Ok(Settings(store, paths, options.Value));

    /// <summary>Saves the rules whole (absent or null fields mean "no limit"); 422 with a message per bad field.</summary>
    public static async Task<Results<Ok<RetentionSettingsDto>, ProblemHttpResult>> Put(HttpRequest request, RetentionRulesStore store,
        ServerPaths paths, IOptions<RetentionOptions> options, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            return Ids.BadRequest($"The body is not JSON: {ex.Message}");
        }
        using (doc)
        {
            var (rules, errors) = RetentionRulesJson.Parse(doc.RootElement);
            if (rules is not null && RetentionPaths.CheckArchiveDir(rules, paths.ResultsDir) is { } archiveError)
            {
                errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["archive_dir"] = [archiveError] };
                rules = null;
            }
            if (rules is null)
            {
                return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "Invalid retention rules",
                    Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
                });
            }
            store.Save(rules);
        }
        return TypedResults.Ok(Settings(store, paths, options.Value));
    }

    /// <summary>Forgets the saved rules: appsettings' rules apply again.</summary>
    public static Ok<RetentionSettingsDto> Reset(RetentionRulesStore store, ServerPaths paths, IOptions<RetentionOptions> options)
    {
        store.Reset();
        return TypedResults.Ok(Settings(store, paths, options.Value));
    }

    public static Ok<RetentionPreviewDto> Preview(RetentionService retention) => TypedResults.Ok(retention.Preview());

    public static async Task<Results<Ok<RetentionSweepDto>, ProblemHttpResult>> Sweep(RetentionService retention, CancellationToken ct) =>
        await retention.SweepAsync(ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "A sweep is running",
                Detail = "Another process (e.g. `astrobench runs gc`) is sweeping this results folder; try again when it is done.",
            });

    private static RetentionSettingsDto Settings(RetentionRulesStore store, ServerPaths paths, RetentionOptions options)
    {
        var (rules, source) = store.Effective();
        return new RetentionSettingsDto(RetentionRulesJson.Format(rules), source, options.SweepInterval.TotalMinutes,
            RetentionPaths.ArchiveDir(rules, paths.ResultsDir));
    }
}
