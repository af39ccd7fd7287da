using AstroBench.Core.Statistics;

namespace AstroBench.Core.Ranking;

/// <summary>
/// Compares two results on speed (docs/scoreboard.md) with the same percentile bootstrap of the ratio of medians as
/// the speedup against the reference (<see cref="SpeedupBootstrap"/>): a win when the 95 % interval of
/// median_B / median_A lies above 1, a loss below 1, a tie when it contains 1. A result whose timing is invalid
/// (unstable, below resolution, <c>too_few_rounds</c>, <c>contended</c>) or missing is never ranked.
/// </summary>
public static class SpeedComparison
{
    public static PairOutcome Compare(Contestant a, Contestant b)
    {
        if (!IsRankable(a) || !IsRankable(b))
        {
            return PairOutcome.NotRanked;
        }
        // Compute(x, y) is "median x / median y": faster means y (here A) is the faster one.
        return SpeedupBootstrap.VerdictOf(b.SamplesNs, a.SamplesNs) switch
        {
            SpeedupVerdict.Faster => PairOutcome.Win,
            SpeedupVerdict.Slower => PairOutcome.Loss,
            _ => PairOutcome.Tie,
        };
    }

    public static bool IsRankable(Contestant c) => c.Completed && c.PerfValid && c.MedianNs is not null;
}
