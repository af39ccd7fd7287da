using AstroBench.Core.Statistics;

namespace AstroBench.Core.History;

/// <summary>
/// The rules of regression detection (docs/history.md). Accuracy: two values differ when
/// |a − b| &gt; <see cref="AccuracyAbsoluteTolerance"/> + <see cref="AccuracyRelativeTolerance"/>·max(|a|, |b|).
/// Performance: E-Divisive over the newest <see cref="Window"/> valid points, each change confirmed by Mann–Whitney U
/// on the raw round samples of both sides at <see cref="MannWhitneyAlpha"/> and a shift of the median of at least
/// <see cref="MinRelativeEffect"/>.
/// </summary>
public sealed record ChangeDetectionOptions
{
    public static ChangeDetectionOptions Default { get; } = new();

    public double AccuracyRelativeTolerance { get; init; } = 1e-9;
    public double AccuracyAbsoluteTolerance { get; init; } = 1e-12;
    public int Window { get; init; } = 100;
    public EDivisiveOptions EDivisive { get; init; } = new();
    public double MannWhitneyAlpha { get; init; } = 0.01;
    public double MinRelativeEffect { get; init; } = 0.03;
}
