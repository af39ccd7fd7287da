using AstroBench.Server.Jobs;
using AstroBench.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Queue;

/// <summary>/api/admin: drain (stop dispatching; running jobs finish) and undrain (docs/queue.md).</summary>
internal static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapQueueAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapGet("/drain", State);
        group.MapPost("/drain", Drain).AddEndpointFilter(TokenGuard.Filter);
        group.MapPost("/undrain", Undrain).AddEndpointFilter(TokenGuard.Filter);
        return app;
    }

    public static Ok<DrainDto> State(DrainState drain, JobStore store) => TypedResults.Ok(Dto(drain, store));

    public static Ok<DrainDto> Drain(DrainState drain, JobStore store)
    {
        drain.Set(true);
        return TypedResults.Ok(Dto(drain, store));
    }

    public static Ok<DrainDto> Undrain(DrainState drain, JobStore store)
    {
        drain.Set(false);
        return TypedResults.Ok(Dto(drain, store));
    }

    private static DrainDto Dto(DrainState drain, JobStore store) =>
        new(drain.Draining, [.. store.ListHolding().Select(j => j.Id)], store.CountQueued());
}
