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

    [Theory]
    [InlineData(new[] { 41.0 }, "1 round")]
    [InlineData(new[] { 41.0, 41.2 }, "2 rounds")]
    public void FewerThanThreeRounds_IsInvalid_TooFewRounds(double[] samples, string count)
    {
        var s = PerformanceSummary.From(samples, opsPerRound: 2_000_000, clockResNs: 1);

        Assert.False(s.Valid);
        Assert.StartsWith("too_few_rounds", s.InvalidReason, StringComparison.Ordinal);
        Assert.Contains(count, s.InvalidReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeStableRounds_AreValid()
    {
        var s = PerformanceSummary.From([41.0, 41.2, 40.9], opsPerRound: 2_000_000, clockResNs: 1);

        Assert.True(s.Valid, s.InvalidReason);
    }

    [Fact]
    public void Speedup_BetweenTwoValidResults_HasIntervalAndVerdict()
    {
        var reference = PerformanceSummary.From([41.0, 40.0, 42.0, 40.5, 41.5], 2_000_000, 1);
        var candidate = PerformanceSummary.From([20.0, 20.4, 19.8, 20.2, 20.6], 2_000_000, 1);

        var c = candidate.WithSpeedupAgainst(reference, isReference: false);

        Assert.Equal(41.0 / 20.2, c.SpeedupVsReference!.Value, 12);
        Assert.True(c.SpeedupCiLow > 1.0);
        Assert.True(c.SpeedupCiHigh >= c.SpeedupVsReference);
        Assert.Equal(0.95, c.SpeedupCiLevel);
        Assert.Equal(SpeedupVerdict.Faster, c.SpeedupVerdict);
    }

    [Fact]
    public void Speedup_OfTheReference_IsOneWithoutInterval()
    {
        var reference = PerformanceSummary.From([41.0, 40.0, 42.0, 40.5, 41.5], 2_000_000, 1);

        var r = reference.WithSpeedupAgainst(reference, isReference: true);

        Assert.Equal(1.0, r.SpeedupVsReference);
        Assert.Null(r.SpeedupCiLow);
        Assert.Null(r.SpeedupVerdict);
    }

    [Fact]
    public void Speedup_IsNull_WhenEitherSideIsInvalid()
    {
        var valid = PerformanceSummary.From([41.0, 40.0, 42.0, 40.5, 41.5], 2_000_000, 1);
        var oneRound = PerformanceSummary.From([20.0], 2_000_000, 1);

        var candidateInvalid = oneRound.WithSpeedupAgainst(valid, isReference: false);
        var referenceInvalid = valid.WithSpeedupAgainst(oneRound, isReference: false);
        var referenceItselfInvalid = oneRound.WithSpeedupAgainst(oneRound, isReference: true);

        foreach (var p in new[] { candidateInvalid, referenceInvalid, referenceItselfInvalid })
        {
            Assert.Null(p.SpeedupVsReference);
            Assert.Null(p.SpeedupCiLow);
            Assert.Null(p.SpeedupCiHigh);
            Assert.Null(p.SpeedupCiLevel);
            Assert.Null(p.SpeedupVerdict);
        }
    }
}
