namespace AstroBench.Core.Adapters;

/// <summary><c>adapters/&lt;name&gt;/adapter.json</c>, as documented in docs/adapter-protocol.md.</summary>
/// <remarks><c>DataVersions</c>: optional command printing <c>key: value</c> lines (leap seconds, EOP, ΔT, ephemeris files; docs/libraries.md).</remarks>
public sealed record AdapterManifest(
    string Name,
    int Protocol,
    string Language,
    string Library,
    string? License,
    IReadOnlyList<string>? Build,
    IReadOnlyList<string> Run,
    IReadOnlyList<string>? Version,
    IReadOnlyList<AdapterRequirement>? Requires,
    IReadOnlyDictionary<string, ExperimentSupport> Experiments,
    IReadOnlyList<string>? DataVersions = null);

public sealed record AdapterRequirement(string Path, string? InstallHint);

/// <summary>How an adapter supports one experiment.</summary>
/// <remarks><c>Parity</c>: <c>model-parity</c>, <c>model-mismatch</c> or <c>external-reference</c> for candidates (docs/run-folder.md).</remarks>
public sealed record ExperimentSupport(string Model, string? Role, IReadOnlyList<string>? Outputs, string? Conventions, string? Parity)
{
    public bool IsReference => string.Equals(Role, "reference", StringComparison.Ordinal);
}
