namespace AstroBench.Core.Experiments;

/// <summary>
/// How far an experiment's reference can be trusted, measured (docs/scoreboard.md): the larger of the
/// per-epoch-range p99s of the primary metric between the reference and an independent realisation of the
/// same quantity (<see cref="Provenance"/>). Errors at or below <see cref="Value"/> cannot be told apart by
/// this reference, so they are never ranked against each other.
/// </summary>
/// <param name="Value">The bound, in <see cref="Unit"/> of <see cref="Metric"/>.</param>
/// <param name="Method">How it was measured, in words.</param>
/// <param name="Source">What the reference was compared with (e.g. "astropy (pyerfa): ERFA compiled separately").</param>
public sealed record ReferenceUncertainty(
    double Value,
    string Unit,
    string Metric,
    string Method,
    string Source,
    UncertaintyProvenance Provenance,
    IReadOnlyList<UncertaintyRange> Ranges);

/// <summary>Where a measured <see cref="ReferenceUncertainty"/> comes from: the run, the library compared and when.</summary>
public sealed record UncertaintyProvenance(string RunId, string Library, string Reference, string MeasuredAt, int Cases);

/// <summary>
/// One epoch range (Julian years, TT) of a measurement: its cases and the p99 and max of the primary metric. The range is a
/// century clipped to the epochs measured in it (e.g. 1959.94–2000 where the candidate's data begin in December 1959).
/// </summary>
/// <param name="FromYear">Null for an experiment without an epoch input (one range over all cases).</param>
/// <param name="P50">The median; null in entries measured before it was recorded.</param>
public sealed record UncertaintyRange(double? FromYear, double? ToYear, int Cases, double P99, double Max, double? P50 = null);
