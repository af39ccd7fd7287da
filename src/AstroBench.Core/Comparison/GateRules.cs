namespace AstroBench.Core.Comparison;

/// <summary>
/// The rules the CI gate applies, stated once (docs/ci.md) and printed with every verdict.
/// Accuracy is deterministic for a dataset fingerprint, so its tolerance is a float tolerance, not a noise band:
/// a relative 1e-9 absorbs last-bit differences (another compiler, FMA) and nothing a user would call a change.
/// Performance is noisy: only two valid results are compared, through the bootstrap interval of the speedup
/// (baseline median / candidate median, <see cref="Statistics.SpeedupBootstrap"/>), and a change must also be
/// at least <see cref="PerfMinEffect"/> so a real but negligible drift does not block a merge.
/// </summary>
public sealed record GateRules(double AccuracyRelativeTolerance, double AccuracyAbsoluteTolerance, double PerfMinEffect, double PerfCiLevel, int PerfMinRounds)
{
    public static GateRules Default { get; } = new(1e-9, 1e-15, 0.05, Statistics.SpeedupBootstrap.Level, Statistics.PerformanceSummary.MinRounds);
}
