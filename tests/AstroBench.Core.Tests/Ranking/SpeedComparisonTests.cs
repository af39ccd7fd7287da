using AstroBench.Core.Ranking;
using AstroBench.Core.Statistics;
using static AstroBench.Core.Tests.Ranking.Contestants;

namespace AstroBench.Core.Tests.Ranking;

public sealed class SpeedComparisonTests
{
    [Fact]
    public void Compare_TooFewRounds_IsNeverRanked_EvenWhenTenTimesFaster()
    {
        var twoRounds = Timed("fast", 10, 10.1);
        Assert.False(twoRounds.PerfValid);
        Assert.StartsWith(PerformanceSummary.TooFewRoundsCode, twoRounds.PerfInvalidReason, StringComparison.Ordinal);

        Assert.Equal(PairOutcome.NotRanked, SpeedComparison.Compare(twoRounds, Timed("slow", 100, 101, 102, 100, 101)));
        Assert.Equal(PairOutcome.NotRanked, SpeedComparison.Compare(Timed("slow", 100, 101, 102, 100, 101), twoRounds));
    }

    [Fact]
    public void Compare_SeparatedIntervals_WinAndLose_OverlappingOnesTie()
    {
        var fast = Timed("fast", 10, 10.1, 10.2, 10, 10.1);
        var slow = Timed("slow", 20, 20.2, 20.1, 20, 20.3);
        var alsoFast = Timed("also-fast", 10.1, 10, 10.2, 10.1, 10);
        Assert.Equal(PairOutcome.Win, SpeedComparison.Compare(fast, slow));
        Assert.Equal(PairOutcome.Loss, SpeedComparison.Compare(slow, fast));
        Assert.Equal(PairOutcome.Tie, SpeedComparison.Compare(fast, alsoFast));
    }

    [Fact]
    public void Compare_UnstableTiming_IsNeverRanked()
    {
        var unstable = Timed("noisy", 10, 30, 10, 30, 10);
        Assert.False(unstable.PerfValid);
        Assert.Equal(PairOutcome.NotRanked, SpeedComparison.Compare(unstable, Timed("slow", 100, 101, 102, 100, 101)));
    }
}
