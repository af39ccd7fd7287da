using AstroBench.Core.Statistics;

namespace AstroBench.Core.History;

/// <summary>
/// One run's value in a series. <see cref="Value"/> is what a trend plots: the accuracy metric's p99 or the
/// performance median. <see cref="Smoke"/> marks a CI-mode run (one short round): it is shown, never judged.
/// </summary>
public sealed record SeriesPoint(
    string RunId,
    DateTimeOffset? StartedAt,
    string? GitSha,
    string? LibraryVersion,
    string? AdapterVersion,
    string? Fingerprint,
    string? Outcome,
    bool Smoke,
    double? Value,
    MetricStats? Accuracy,
    PerfFigures? Performance)
{
    /// <summary>Whether the point may take part in change detection: a valid, non-smoke measurement.</summary>
    public bool Judgeable => !Smoke && (Accuracy is not null
        ? Outcome == "completed"
        : Performance is { Valid: true, MedianNs: not null } p && !PerformanceSummary.IsFlagged(p.InvalidReason, PerformanceSummary.TooFewRoundsCode));
}
