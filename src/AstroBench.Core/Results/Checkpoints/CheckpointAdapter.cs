using System.Text.Json.Serialization;

namespace AstroBench.Core.Results.Checkpoints;

/// <summary>An adapter the run uses: what the manifest records, plus a fingerprint of its files (see <c>AdapterFingerprint</c>).</summary>
public sealed record CheckpointAdapter(string Name, string Library, string Language, string Version, string Fingerprint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? DataVersions = null);
