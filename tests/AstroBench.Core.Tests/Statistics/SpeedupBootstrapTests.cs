using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class SpeedupBootstrapTests
{
    private static readonly double[] Reference = [41.0, 40.0, 42.0, 40.5, 41.5];

    [Fact]
    public void ClearlyFasterCandidate_IntervalExcludesOne_VerdictFaster()
    {
        double[] candidate = [20.0, 20.4, 19.8, 20.2, 20.6];

        var e = SpeedupBootstrap.Compute(Reference, candidate);

        Assert.Equal(41.0 / 20.2, e.Ratio, 12);
        Assert.True(e.CiLow > 1.0, $"low {e.CiLow}");
        Assert.True(e.CiLow <= e.Ratio && e.Ratio <= e.CiHigh);
        Assert.Equal(SpeedupVerdict.Faster, e.Verdict);
        Assert.Equal(0.95, e.CiLevel);
    }

    [Fact]
    public void ClearlySlowerCandidate_IntervalBelowOne_VerdictSlower()
    {
        double[] candidate = [80.0, 81.0, 79.5, 80.5, 82.0];

        var e = SpeedupBootstrap.Compute(Reference, candidate);

        Assert.True(e.CiHigh < 1.0, $"high {e.CiHigh}");
        Assert.Equal(SpeedupVerdict.Slower, e.Verdict);
    }

    [Fact]
    public void SameDistribution_IntervalContainsOne_VerdictIndistinguishable()
    {
        double[] candidate = [40.5, 41.5, 41.0, 42.0, 40.0];

        var e = SpeedupBootstrap.Compute(Reference, candidate);

        Assert.Equal(1.0, e.Ratio, 12);
        Assert.True(e.CiLow <= 1.0 && 1.0 <= e.CiHigh, $"[{e.CiLow}, {e.CiHigh}]");
        Assert.Equal(SpeedupVerdict.Indistinguishable, e.Verdict);
    }

    [Fact]
    public void OverlappingNoisySamples_AreIndistinguishable_EvenWithADifferentMedian()
    {
        double[] candidate = [38.0, 44.0, 39.5, 43.0, 40.0];

        var e = SpeedupBootstrap.Compute(Reference, candidate);

        Assert.NotEqual(1.0, e.Ratio);
        Assert.Equal(SpeedupVerdict.Indistinguishable, e.Verdict);
    }

    [Fact]
    public void SameInput_GivesTheSameInterval_BitForBit()
    {
        double[] candidate = [30.1, 29.7, 31.2, 30.4, 30.0];

        var a = SpeedupBootstrap.Compute(Reference, candidate);
        var b = SpeedupBootstrap.Compute(Reference.ToArray(), candidate.ToArray());

        Assert.Equal(a, b);
    }

    [Fact]
    public void DifferentInput_GivesADifferentSeed()
    {
        Assert.NotEqual(SpeedupBootstrap.SeedOf([1.0, 2.0], [3.0]), SpeedupBootstrap.SeedOf([1.0], [2.0, 3.0]));
        Assert.NotEqual(SpeedupBootstrap.SeedOf([1.0, 2.0], [3.0]), SpeedupBootstrap.SeedOf([1.0, 2.0], [3.5]));
    }

    [Theory]
    [InlineData(1.01, 1.20, SpeedupVerdict.Faster)]
    [InlineData(0.80, 0.99, SpeedupVerdict.Slower)]
    [InlineData(0.95, 1.05, SpeedupVerdict.Indistinguishable)]
    [InlineData(1.00, 1.20, SpeedupVerdict.Indistinguishable)]
    public void Verdict_FollowsWhereOneLies(double low, double high, string expected) =>
        Assert.Equal(expected, SpeedupVerdict.Of(low, high));
}
