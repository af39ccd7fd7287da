using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The drift rule of the machine-speed probe (docs/engine.md, "The machine-speed probe"), as pure functions.</summary>
public sealed class MachineDriftTests
{
    [Fact]
    public void Of_GivesMedianMinMaxDriftAndRobustCv_OverEverySample()
    {
        var p = MachineDrift.Of([2.0, 1.9, 2.1, 2.0, 2.0])!;

        Assert.Equal((5, 2.0, 1.9, 2.1), (p.Samples, p.MedianNs, p.MinNs, p.MaxNs));
        Assert.Equal(6.0, p.DriftPercent, 9); // p10 1.94, p90 2.06 (linear interpolation), median 2.0
        Assert.Equal(0.0, p.RobustCvPercent);
        Assert.Equal((MachineProbe.Kernel, MachineProbe.Values, 3.0), (p.Kernel, p.Values, p.DriftThresholdPercent));
        Assert.True(p.Varied);
    }

    [Fact]
    public void Of_DriftIgnoresALoneOutlier_ButNotAStepOfTheMachine()
    {
        var quiet = Enumerable.Repeat(1.64, 99).Append(2.45).ToArray(); // one probe process preempted
        var step = Enumerable.Repeat(1.64, 70).Concat(Enumerable.Repeat(1.90, 30)).ToArray(); // the machine slower for a while

        Assert.Equal(0.0, MachineDrift.Of(quiet)!.DriftPercent, 9);
        Assert.False(MachineDrift.Of(quiet)!.Varied);
        Assert.Equal(15.9, MachineDrift.Of(step)!.DriftPercent, 1);
        Assert.True(MachineDrift.Of(step)!.Varied);
    }

    [Fact]
    public void Of_NoSamples_IsNull() => Assert.Null(MachineDrift.Of([]));

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(3.0, false)]
    [InlineData(3.0001, true)]
    [InlineData(40.0, true)]
    [InlineData(double.NaN, true)]
    public void Varied_AboveTheReproducibilityTarget(double drift, bool varied) => Assert.Equal(varied, MachineDrift.Varied(drift));

    [Fact]
    public void Statement_SaysHowReproducibleTheMediansAre_WhenTheMachineVaried()
    {
        var varied = MachineDrift.Of([1.66, 1.90, 1.70])!;
        var steady = MachineDrift.Of([1.70, 1.71, 1.70])!;

        Assert.StartsWith("machine speed varied by 11.3 % during timing: medians are reproducible only to about 11.3 %", MachineDrift.Statement(varied), StringComparison.Ordinal);
        Assert.StartsWith("machine speed steady within 0.5 % during timing (probe median 1.7 ns/op", MachineDrift.Statement(steady), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2.0, 2.2, 5.0, true)]
    [InlineData(2.0, 1.8, 5.0, true)]
    [InlineData(2.0, 2.11, 5.0, true)]
    [InlineData(2.0, 2.09, 5.0, false)]
    [InlineData(0.0, 2.0, 5.0, false)]
    public void Differs_WhenTheProbeMediansAreFurtherApartThanTheVerdictThreshold(double a, double b, double threshold, bool differs) =>
        Assert.Equal(differs, MachineDrift.Differs(a, b, threshold));

    [Fact]
    public void Parse_ReadsTheProbesLine_AndRejectsAnythingElse()
    {
        Assert.Equal([1.5, 1.6, 1.7], MachineProbe.Parse("probe 1 ops 1000000 values_ns_per_op 1.5 1.6 1.7\n")!);
        Assert.Null(MachineProbe.Parse(""));
        Assert.Null(MachineProbe.Parse("probe 2 ops 1000000 values_ns_per_op 1.5"));
        Assert.Null(MachineProbe.Parse("probe 1 ops 1000000 values_ns_per_op"));
        Assert.Null(MachineProbe.Parse("probe 1 ops 1000000 values_ns_per_op 1.5 -1"));
        Assert.Null(MachineProbe.Parse("probe 1 ops 1000000 values_ns_per_op 1.5 inf"));
        Assert.Null(MachineProbe.Parse("probe 1 ops 1000000 values_ns_per_op 1,5"));
    }
}
