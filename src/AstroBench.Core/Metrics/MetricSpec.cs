namespace AstroBench.Core.Metrics;

/// <summary>
/// One per-case metric. <paramref name="Name"/> carries its unit (e.g. <c>angular_error_mas</c>).
/// A metric is computed only when the candidate provides every output in <paramref name="RequiredOutputs"/>.
/// <paramref name="ExceedThreshold"/>, when set, makes the statistics count cases above it
/// (e.g. Kepler residuals above which the solver did not converge). <paramref name="SelfCheck"/> marks
/// a metric that checks the library against itself (round-trip closure, equation residual) rather
/// than against the reference, so it is not 0 for the reference.
/// </summary>
public sealed record MetricSpec(
    string Name,
    string Unit,
    bool Signed,
    IReadOnlyList<string> RequiredOutputs,
    double? ExceedThreshold = null,
    string? ExceedMeaning = null,
    bool SelfCheck = false);
