using AstroBench.Core.Ranking;
using static AstroBench.Core.Tests.Ranking.Contestants;

namespace AstroBench.Core.Tests.Ranking;

public sealed class AccuracyComparisonTests
{
    [Fact]
    public void Compare_BothWithinReferenceUncertainty_IsATie_EvenFortyTimesApart()
    {
        // 1e-9 and 4e-8 mas differ by a factor 40, but the reference cannot resolve either: never ranked against each other.
        var u = Uncertainty(5e-8);
        Assert.Equal(PairOutcome.Tie, AccuracyComparison.Compare(Accuracy("a", 1e-9), Accuracy("b", 4e-8), u));
        Assert.Equal(PairOutcome.Tie, AccuracyComparison.Compare(Accuracy("b", 4e-8), Accuracy("a", 1e-9), u));
        Assert.Equal(PairOutcome.Tie, AccuracyComparison.Compare(Accuracy("a", 0), Accuracy("b", 5e-8), u));
    }

    [Fact]
    public void Compare_DifferenceWithinUncertainty_IsATie()
    {
        // 1.0 and 1.5 are more than 25 % apart, but |1.5 − 1.0| ≤ U = 0.6.
        Assert.Equal(PairOutcome.Tie, AccuracyComparison.Compare(Accuracy("a", 1.0), Accuracy("b", 1.5), Uncertainty(0.6)));
        Assert.Equal(PairOutcome.Win, AccuracyComparison.Compare(Accuracy("a", 1.0), Accuracy("b", 1.5), Uncertainty(0.4)));
    }

    [Fact]
    public void Compare_RatioWithinTieFactor_IsATie_BeyondItTheSmallerWins()
    {
        Assert.Equal(PairOutcome.Tie, AccuracyComparison.Compare(Accuracy("a", 1.0), Accuracy("b", 1.25), null));
        Assert.Equal(PairOutcome.Win, AccuracyComparison.Compare(Accuracy("a", 1.0), Accuracy("b", 1.26), null));
        Assert.Equal(PairOutcome.Loss, AccuracyComparison.Compare(Accuracy("b", 1.26), Accuracy("a", 1.0), null));
    }

    [Fact]
    public void Compare_WithinUncertaintyAgainstFarOutside_Wins()
    {
        Assert.Equal(PairOutcome.Win, AccuracyComparison.Compare(Accuracy("a", 1e-9), Accuracy("b", 10), Uncertainty(5e-8)));
    }

    [Fact]
    public void Compare_TheReference_OrDifferentMetrics_OrAnUncertaintyForAnotherMetric_AreHandled()
    {
        Assert.Equal(PairOutcome.NotRanked, AccuracyComparison.Compare(Accuracy("erfa", 0, role: "reference"), Accuracy("b", 1), null));
        Assert.Equal(PairOutcome.NotRanked, AccuracyComparison.Compare(Accuracy("a", 1), Accuracy("b", 1, metric: "other_mas"), null));
        // An uncertainty stated for another metric does not apply: ranked on the ratio.
        Assert.Equal(PairOutcome.Win, AccuracyComparison.Compare(Accuracy("a", 1e-9), Accuracy("b", 4e-8), Uncertainty(5e-8, "closure_error_mas")));
    }
}
