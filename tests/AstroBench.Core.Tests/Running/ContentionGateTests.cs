using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The run's uncontended probe level and the contended rule (docs/engine.md, "Contended cycles").</summary>
public sealed class ContentionGateTests
{
    private static ContentionGate With(params double[] samples)
    {
        var gate = new ContentionGate();
        foreach (var s in samples)
        {
            gate.Observe(s);
        }
        return gate;
    }

    [Fact]
    public void ARememberedLevel_JudgesFromTheFirstSample_UntilTheRunsOwnLevelIsLower()
    {
        var gate = new ContentionGate();
        gate.Remember(20.0);

        Assert.Equal(20.0, gate.Level);
        Assert.True(gate.IsContended(30.0)); // a run contended from its start is judged at once
        foreach (var s in Enumerable.Repeat(30.0, 2 * ContentionGate.MinSamples))
        {
            gate.Observe(s);
        }
        Assert.Equal((20.0, 30.0), (gate.Level, gate.OwnLevel)); // its own samples, all contended, do not raise it
        foreach (var s in Enumerable.Repeat(19.0, ContentionGate.MinSamples))
        {
            gate.Observe(s);
        }
        Assert.Equal(19.0, gate.Level); // the run's own level, lower: the machine is faster now
        Assert.Equal(20.0, gate.RememberedLevel);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ARememberedLevelIsAPositiveFigure(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContentionGate().Remember(level));

    [Fact]
    public void BelowTheMinimumSamples_ThereIsNoLevel_AndNothingIsContended()
    {
        var gate = With([.. Enumerable.Repeat(20.0, ContentionGate.MinSamples - 1)]);

        Assert.Null(gate.Level);
        Assert.False(gate.IsContended(100.0));
        Assert.Null(gate.AbovePercent(100.0));
    }

    [Fact]
    public void TheLevelIsThe5thPercentile_NotTheMinimum_SoOneLuckySampleDoesNotSetIt()
    {
        // 19 at 21, one at 10 (an outlier low): p5 of the 20 sorted samples by linear interpolation is 10 + 0.95 × 11.
        var gate = With([10.0, .. Enumerable.Repeat(21.0, 19)]);

        Assert.Equal(10.0 + 0.95 * 11.0, gate.Level!.Value, 9);
    }

    [Fact]
    public void AMachineContendedMostOfTheTime_KeepsItsUncontendedLevel()
    {
        // 90 % of the samples at the contended level: a 10th percentile would be 30 and call them uncontended.
        var gate = With([.. Enumerable.Repeat(20.0, 20), .. Enumerable.Repeat(30.0, 180)]);

        Assert.Equal(20.0, gate.Level);
        Assert.True(gate.IsContended(30.0));
    }

    [Theory]
    [InlineData(22.39, false)]
    [InlineData(22.41, true)]
    [InlineData(30.0, true)]
    [InlineData(15.0, false)]
    public void ASampleIsContended_WhenMoreThanTheThresholdAboveTheLevel(double sample, bool contended)
    {
        var gate = With([.. Enumerable.Repeat(20.0, 10)]);

        Assert.Equal(12.0, ContentionGate.ThresholdPercent);
        Assert.Equal(contended, gate.IsContended(sample));
    }

    [Fact]
    public void TheLevelFollowsTheLastWindowOfSamples()
    {
        var gate = With([.. Enumerable.Repeat(10.0, ContentionGate.Window), .. Enumerable.Repeat(20.0, ContentionGate.Window)]);

        Assert.Equal(20.0, gate.Level);
        Assert.False(gate.IsContended(21.0)); // judged against the machine of the moment, not the first samples
    }

    [Fact]
    public void AbovePercent_IsRelativeToTheLevel()
    {
        var gate = With([.. Enumerable.Repeat(20.0, 10)]);

        Assert.Equal(50.0, gate.AbovePercent(30.0)!.Value, 9);
    }
}
