namespace AstroBench.Core.History;

/// <summary>
/// One <c>&lt;experiment&gt;/&lt;library&gt;.json</c> as indexed: identity, versions, every accuracy metric's
/// statistics and the performance figures with their raw round samples (the regression test needs them).
/// </summary>
public sealed record IndexedResult(
    string Experiment,
    string Library,
    string? Role,
    string? Parity,
    string? Outcome,
    string? Fingerprint,
    string? LibraryVersion,
    string? AdapterVersion,
    string? PrimaryMetric,
    string? Unit,
    IReadOnlyList<MetricStats> Metrics,
    PerfFigures? Performance);
