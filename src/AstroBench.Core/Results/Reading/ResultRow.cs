namespace AstroBench.Core.Results.Reading;

/// <summary>The headline numbers of one <c>&lt;experiment&gt;/&lt;library&gt;.json</c>; null where the file has no value.
/// <see cref="SamplesNs"/> are the perf rounds' per-op times (the CI gate's bootstrap needs them).
/// <see cref="SpeedupLabel"/>: <c>model_mismatch</c> when the speedup does not compare equal work (derived from the parity for older files).</summary>
public sealed record ResultRow(
    string Experiment,
    string Library,
    string? Role,
    string? Parity,
    string? Model,
    string? Outcome,
    string? PrimaryMetric,
    string? Unit,
    double? P50,
    double? P99,
    double? Max,
    double? MedianNs,
    double? CiLowNs,
    double? CiHighNs,
    double? CvPercent,
    bool? PerfValid,
    string? PerfInvalidReason,
    double? SpeedupVsReference,
    string? Fingerprint,
    double? CiLevel = null,
    double? SpeedupCiLow = null,
    double? SpeedupCiHigh = null,
    double? SpeedupCiLevel = null,
    string? SpeedupVerdict = null,
    IReadOnlyList<double>? SamplesNs = null,
    string? SpeedupLabel = null);
