using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

public sealed class DistributionSummaryTests
{
    [Fact]
    public void Percentiles_FollowLinearInterpolation()
    {
        var values = Enumerable.Range(1, 101).Select(i => (double)i).Reverse().ToArray();

        var s = DistributionSummary.From(values, signed: false);

        Assert.Equal(101, s.Count);
        Assert.Equal(1, s.Min);
        Assert.Equal(101, s.Max);
        Assert.Equal(51, s.P50);
        Assert.Equal(91, s.P90, 12);
        Assert.Equal(96, s.P95, 12);
        Assert.Equal(100, s.P99, 12);
        Assert.Equal(51, s.Mean, 12);
    }

    [Fact]
    public void SignedValues_StatisticsOfMagnitude_AndBiasOfSign()
    {
        double[] values = [-3, 1, -1, 3];

        var s = DistributionSummary.From(values, signed: true);

        Assert.Equal(2, s.Mean);
        Assert.Equal(0, s.Bias);
        Assert.Equal(Math.Sqrt(5), s.Rms, 12);
    }

    [Fact]
    public void NonFiniteValues_AreCounted_NotAveraged()
    {
        double[] values = [1, double.NaN, 2, double.PositiveInfinity];

        var s = DistributionSummary.From(values, signed: false, exceedThreshold: 1.5);

        Assert.Equal(2, s.Count);
        Assert.Equal(2, s.NanCount);
        Assert.Equal(1.5, s.Mean);
        Assert.Equal(3, s.ExceedCount); // 2 above the threshold + 2 non-finite
    }

    [Fact]
    public void AllNaN_GivesNaNStatistics()
    {
        var s = DistributionSummary.From(new[] { double.NaN }, signed: false);

        Assert.Equal(0, s.Count);
        Assert.True(double.IsNaN(s.P50));
    }
}
