using AstroBench.Core.Experiments;

namespace AstroBench.Core.Ranking;

/// <summary>
/// Compares two results on accuracy (docs/scoreboard.md): the p99 of |primary error| against the reference. Never
/// ranked: the reference itself, a result that did not complete, one without a finite p99, or two different metrics.
/// A tie: both within the reference uncertainty U, or |p99_A − p99_B| ≤ U, or the larger p99 is at most
/// <see cref="TieFactor"/> × the smaller. Otherwise the smaller p99 wins.
/// </summary>
public static class AccuracyComparison
{
    /// <summary>Two p99 errors less than 25 % apart are not a meaningful difference in accuracy.</summary>
    public const double TieFactor = 1.25;

    public static PairOutcome Compare(Contestant a, Contestant b, ReferenceUncertainty? uncertainty)
    {
        if (!IsRankable(a) || !IsRankable(b) || a.Metric != b.Metric)
        {
            return PairOutcome.NotRanked;
        }
        var pa = a.P99!.Value;
        var pb = b.P99!.Value;
        if (uncertainty is not null && uncertainty.Metric == a.Metric
            && ((pa <= uncertainty.Value && pb <= uncertainty.Value) || Math.Abs(pa - pb) <= uncertainty.Value))
        {
            return PairOutcome.Tie;
        }
        var (low, high) = pa <= pb ? (pa, pb) : (pb, pa);
        if (high <= low * TieFactor)
        {
            return PairOutcome.Tie;
        }
        return pa < pb ? PairOutcome.Win : PairOutcome.Loss;
    }

    public static bool IsRankable(Contestant c) => !c.IsReference && c.Completed && c.P99 is not null && c.Metric is not null;
}
