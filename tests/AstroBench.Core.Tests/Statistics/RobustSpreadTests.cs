using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.Statistics;

/// <summary>The robust CV the round rule uses (docs/engine.md, "The adaptive rule").</summary>
public sealed class RobustSpreadTests
{
    [Fact]
    public void OneOutlier_DoesNotMoveTheRobustCv_WhileItInflatesTheCv()
    {
        double[] steady = [100, 101, 99, 100.5, 99.5];
        double[] withOutlier = [100, 160, 99, 100.5, 99.5];

        Assert.Equal(RobustSpread.CvPercentOf(steady), RobustSpread.CvPercentOf(withOutlier), 1e-9);
        Assert.True(PerformanceSummary.CvPercentOf(withOutlier) > 10 * PerformanceSummary.CvPercentOf(steady));
    }

    [Fact]
    public void ForASpreadSample_ItIsTheScaledMadOverTheMedian()
    {
        // median 100, absolute deviations 0, 4, 4, 3, 3 → MAD 3
        Assert.Equal(1.4826 * 3, RobustSpread.CvPercentOf([100, 104, 96, 103, 97]), 1e-9);
    }

    [Fact]
    public void OneSample_IsZero_AndANonPositiveMedianIsNaN()
    {
        Assert.Equal(0, RobustSpread.CvPercentOf([42]));
        Assert.True(double.IsNaN(RobustSpread.CvPercentOf([0, 0, 0])));
        Assert.True(double.IsNaN(RobustSpread.CvPercentOf([])));
    }

    [Fact]
    public void TheMediansStandardError_IsTheRobustCvTimesRootHalfPi_OverRootN()
    {
        double[] samples = [100, 104, 96, 103, 97];

        Assert.Equal(Math.Sqrt(Math.PI / 2) * 1.4826 * 3 / Math.Sqrt(5), RobustSpread.MedianSePercentOf(samples), 1e-9);
        Assert.Equal(0, RobustSpread.MedianSePercentOf([42]));
        Assert.True(double.IsNaN(RobustSpread.MedianSePercentOf([0, 0, 0])));
    }
}
