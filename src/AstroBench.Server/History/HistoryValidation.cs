using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AstroBench.Server.History;

/// <summary>Query and body checks of the history and regressions endpoints: one field message each, answered as 422 with a <c>detail</c>.</summary>
internal static class HistoryValidation
{
    public static void Require(Dictionary<string, string[]> errors, string field, string? value, Func<string, bool> valid)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = [$"{field} is required."];
        }
        else
        {
            Optional(errors, field, value, valid);
        }
    }

    public static void Optional(Dictionary<string, string[]> errors, string field, string? value, Func<string, bool> valid)
    {
        if (value is not null && !valid(value))
        {
            errors[field] = [$"'{(value.Length > 64 ? value[..64] + "…" : value)}' is not a valid {field}."];
        }
    }

    public static ProblemHttpResult Problem(Dictionary<string, string[]> errors, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
        });
}
