using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class PerformanceSummaryTests
{
    [Fact]
    public void StableSamples_AreValid_WithMedianIqrAndCi()
    {
        var s = PerformanceSummary.From([41.0, 40.0, 42.0, 40.5, 41.5], opsPerRound: 2_000_000, clockResNs: 1);

        Assert.True(s.Valid, s.InvalidReason);
        Assert.Equal(41.0, s.MedianNs);
        Assert.Equal(40.5, s.Q1Ns);
        Assert.Equal(41.5, s.Q3Ns);
        Assert.Equal(40.0, s.CiLowNs);
        Assert.Equal(42.0, s.CiHighNs);
        Assert.Equal(0.9375, s.CiLevel, 12);
        Assert.Equal(1e9 / 41.0, s.ThroughputOpsPerS, 6);
    }

    [Fact]
    public void HighCv_IsFlaggedUnstable()
    {
        var s = PerformanceSummary.From([10.0, 30.0, 10.0, 30.0, 20.0], 10_000_000, 1);

        Assert.False(s.Valid);
        Assert.Contains("CV", s.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public void MedianBelowClockResolution_IsFlagged()
    {
        var s = PerformanceSummary.From([0.5, 0.5, 0.5], 1_000_000_000, clockResNs: 1);

        Assert.False(s.Valid);
        Assert.Contains("resolution", s.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTooShortForTheClock_IsFlagged()
    {
        var s = PerformanceSummary.From([50.0, 50.0, 50.0], opsPerRound: 10, clockResNs: 1);

        Assert.False(s.Valid);
        Assert.Contains("1000 clock ticks", s.InvalidReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 1, 0.9375)]
    [InlineData(20, 6, 0.958610534667969)]
    public void MedianCiCoverage_MatchesBinomial(int n, int k, double expected) =>
        Assert.Equal(expected, MedianConfidenceInterval.Coverage(n, k), 12);

    [Fact]
    public void MedianCi_ChoosesNarrowestIntervalReachingTarget()
    {
        var sorted = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();

        var (low, high, level) = MedianConfidenceInterval.Compute(sorted, 0.95);

        Assert.Equal(6, low);
        Assert.Equal(15, high);
        Assert.True(level >= 0.95);
    }
}
