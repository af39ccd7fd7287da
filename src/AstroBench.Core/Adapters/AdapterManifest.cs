using System.Text.Json.Serialization;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Adapters;

/// <summary><c>adapters/&lt;name&gt;/adapter.json</c>, as documented in docs/adapter-protocol.md.</summary>
/// <remarks><c>DataVersions</c>: optional command printing <c>key: value</c> lines (leap seconds, EOP, ΔT, ephemeris files; docs/libraries.md).
/// <c>IndependentCases</c>: every case's outputs depend on that case's inputs alone, never on the cases before it in the
/// request, so a v2 request may be split into shards (docs/engine.md, "Shards").</remarks>
public sealed record AdapterManifest(
    string Name,
    [property: JsonConverter(typeof(ProtocolVersionsConverter))] IReadOnlyList<int> Protocol,
    string Language,
    string Library,
    string? License,
    IReadOnlyList<string>? Build,
    IReadOnlyList<string> Run,
    IReadOnlyList<string>? Version,
    IReadOnlyList<AdapterRequirement>? Requires,
    IReadOnlyDictionary<string, ExperimentSupport> Experiments,
    IReadOnlyList<string>? DataVersions = null,
    IReadOnlyList<string>? Encodings = null,
    bool IndependentCases = false)
{
    /// <summary>Protocol v2: one persistent process serves every accuracy request of a run.</summary>
    public bool SpeaksV2 => Protocol.Contains(ProtocolConstants.Version2);

    /// <summary>Protocol 3: perf answers report the empty-loop cost and the warm-up done; perf requests say <c>warmup auto</c>.</summary>
    public bool SpeaksV3 => Protocol.Contains(ProtocolConstants.Version3);

    /// <summary>Protocol 4: perf requests say <c>values V</c>, answers list each value (<c>values_ns</c>).</summary>
    public bool SpeaksV4 => Protocol.Contains(ProtocolConstants.Version4);

    /// <summary>Protocol 5: a perf request may say <c>ops auto</c>, so the first round's process is its own pilot.</summary>
    public bool SpeaksV5 => Protocol.Contains(ProtocolConstants.Version5);

    /// <summary>Protocol 6: started with <c>ASTROBENCH_READY=1</c>, it writes a ready line before reading stdin, so its timing processes can be started ahead.</summary>
    public bool SpeaksV6 => Protocol.Contains(ProtocolConstants.Version6);

    /// <summary>Protocol 7: a perf request may say <c>probe_ops P</c>; the answer lists a probe chunk before the first value and after each (<c>probe_ns</c>).</summary>
    public bool SpeaksV7 => Protocol.Contains(ProtocolConstants.Version7);

    /// <summary>The best v2 number encoding the adapter declares: binary, then hex (decimal when it lists none).</summary>
    public WireEncoding BestEncoding => Declares(WireEncoding.Binary) ? WireEncoding.Binary : Declares(WireEncoding.Hex) ? WireEncoding.Hex : WireEncoding.Decimal;

    /// <summary>Whether the manifest's <c>encodings</c> list this one (decimal always holds for v2).</summary>
    public bool Declares(WireEncoding encoding) => encoding == WireEncoding.Decimal || Encodings?.Contains(encoding.ToWire()) == true;
}

public sealed record AdapterRequirement(string Path, string? InstallHint);

/// <summary>How an adapter supports one experiment.</summary>
/// <remarks><c>Parity</c>: <c>model-parity</c>, <c>model-mismatch</c> or <c>external-reference</c> for candidates (docs/run-folder.md).</remarks>
public sealed record ExperimentSupport(string Model, string? Role, IReadOnlyList<string>? Outputs, string? Conventions, string? Parity)
{
    public bool IsReference => string.Equals(Role, "reference", StringComparison.Ordinal);
}
