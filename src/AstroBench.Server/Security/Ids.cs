using AstroBench.Core.Results;
using System.Text.RegularExpressions;
using AstroBench.Core.Results.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AstroBench.Server.Security;

/// <summary>Strict id patterns, checked before an id reaches a path or a query (400 when malformed).</summary>
internal static partial class Ids
{
    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex JobIdPattern();

    public static bool IsJobId(string? id) => id is not null && JobIdPattern().IsMatch(id);

    public static bool IsRunId(string? id) => RunIds.IsValidRunId(id);

    public static bool IsExperiment(string? id) => RunIds.IsValidExperiment(id);

    public static ProblemHttpResult Invalid(string what, string? value) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid id",
        Detail = $"'{Clip(value)}' is not a valid {what}.",
    });

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
    });

    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Bad request",
        Detail = detail,
    });

    private static string Clip(string? s) => s is null ? "" : s.Length > 64 ? s[..64] + "…" : s;
}
