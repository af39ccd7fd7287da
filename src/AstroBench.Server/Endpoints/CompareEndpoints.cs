using AstroBench.Core.Results.Reading;
using AstroBench.Core.Comparison;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>GET /api/compare?run_a=&amp;run_b=.</summary>
internal static class CompareEndpoints
{
    public static IEndpointRouteBuilder MapCompare(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", Compare).WithTags("Runs");
        return app;
    }

    public static Results<Ok<CompareDto>, ProblemHttpResult> Compare(HttpContext context, RunFolderReader reader)
    {
        var a = context.Request.Query["run_a"].ToString();
        var b = context.Request.Query["run_b"].ToString();
        if (!Ids.IsRunId(a))
        {
            return Ids.Invalid("run id (run_a)", a);
        }
        if (!Ids.IsRunId(b))
        {
            return Ids.Invalid("run id (run_b)", b);
        }
        if (reader.ReadRun(a) is not { } runA)
        {
            return Ids.NotFound($"No run {a}.");
        }
        if (reader.ReadRun(b) is not { } runB)
        {
            return Ids.NotFound($"No run {b}.");
        }
        return TypedResults.Ok(RunComparer.Compare(runA, runB));
    }
}
