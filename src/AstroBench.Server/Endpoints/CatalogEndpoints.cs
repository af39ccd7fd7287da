using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AstroBench.Server.Endpoints;

/// <summary>
/// An experiment of the catalog; <c>cancel_grace_s</c> is its minimum cancel grace (null: the global default);
/// <c>from_frame</c>/<c>to_frame</c> and the measured <c>reference_uncertainty</c> (null: not measured) are in docs/scoreboard.md.
/// </summary>
public sealed record ExperimentDto(string Id, string Title, string Description, string Family, IReadOnlyList<string> InputColumns,
    IReadOnlyList<string> OutputColumns, double? CancelGraceS, string? FromFrame = null, string? ToFrame = null,
    ReferenceUncertainty? ReferenceUncertainty = null);

public sealed record AdapterDto(string Name, string Library, string Language, bool Available, string? Reason, IReadOnlyList<string> Experiments);

/// <summary>GET /api/experiments, GET /api/adapters and GET /api/limits.</summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/experiments", Experiments).WithTags("Catalog");
        app.MapGet("/api/adapters", Adapters).WithTags("Catalog");
        app.MapGet("/api/limits", () => TypedResults.Ok(LimitsDto.Current)).WithTags("Catalog");
        return app;
    }

    public static Ok<List<ExperimentDto>> Experiments() => TypedResults.Ok(ExperimentCatalog.All
        .Select(e => new ExperimentDto(e.Id, e.Title, e.Description, e.Family, e.InputColumns, e.OutputColumns, e.CancelGraceSeconds,
            e.FromFrame, e.ToFrame, e.ReferenceUncertainty)).ToList());

    public static Ok<List<AdapterDto>> Adapters(ServerPaths paths) => TypedResults.Ok(AdapterRegistry.Load(paths.CatalogAdapterDirs).Adapters
        .Select(a => new AdapterDto(a.Name, a.Manifest.Library, a.Manifest.Language, a.Available, a.UnavailableReason,
            a.Manifest.Experiments.Keys.Order(StringComparer.Ordinal).ToList()))
        .ToList());
}
