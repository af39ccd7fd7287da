using AstroBench.Core.Statistics;

namespace AstroBench.Core.Tests.History;

public sealed class MannWhitneyUTests
{
    [Fact]
    public void CompleteSeparation_OfThreeAndThree_HasTheExactPValue()
    {
        // 20 equally likely arrangements, one per tail: p = 2/20.
        var r = MannWhitneyU.Test([1, 2, 3], [4, 5, 6]);
        Assert.Equal(0, r.U);
        Assert.Equal(0.1, r.PValue, 12);
        Assert.Equal(0, r.ProbabilityXGreater);
    }

    [Fact]
    public void ExactDistribution_SumsToOne_AndIsSymmetric()
    {
        // x = {1, 4}, y = {2, 3}: U = 2 of a maximum 4, the centre: p = 1.
        Assert.Equal(1, MannWhitneyU.Test([1, 4], [2, 3]).PValue, 12);
        Assert.Equal(MannWhitneyU.Test([1, 2, 7], [3, 4, 5, 6]).PValue, MannWhitneyU.Test([3, 4, 5, 6], [1, 2, 7]).PValue, 12);
    }

    [Fact]
    public void LargeSamples_UseTheNormalApproximation_WithTies()
    {
        var x = Enumerable.Range(0, 40).Select(i => (double)(i / 2)).ToList();
        var y = x.Select(v => v + 10).ToList();
        var r = MannWhitneyU.Test(x, y);
        Assert.True(r.PValue < 1e-4, r.PValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, MannWhitneyU.Test(x, x).PValue, 12);
    }
}
