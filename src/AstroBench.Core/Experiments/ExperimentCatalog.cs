namespace AstroBench.Core.Experiments;

/// <summary>
/// Every experiment the lab knows. Ids are those of the original Siderust lab so results stay
/// comparable across labs. Which library is the reference is declared by adapter manifests, not here.
/// </summary>
public static class ExperimentCatalog
{
    public static IReadOnlyList<ExperimentDefinition> All { get; } =
        [.. CoreExperiments.All, .. FrameTransformExperiments.All, .. PlanetExperiments.All, .. ApparentPlaceExperiments.All];

    private static readonly Dictionary<string, ExperimentDefinition> ById = All.ToDictionary(e => e.Id, StringComparer.Ordinal);

    public static ExperimentDefinition? Find(string id) => ById.GetValueOrDefault(id);
}
