using AstroBench.Core.Running;
using Microsoft.Extensions.Time.Testing;

namespace AstroBench.Core.Tests.Running;

/// <summary>One experiment's probe samples, one per cycle (docs/engine.md, "The machine-speed probe").</summary>
public sealed class ExperimentProbeTests
{
    [Fact]
    public async Task AFailedProbeProcess_DropsTheExperimentsSamples_SoCyclesAndSamplesNeverMisalign()
    {
        var cycles = new ExperimentProbe(new MachineProbe("/bin/false"), new FakeTimeProvider());

        await cycles.StartCycleAsync(CancellationToken.None);
        await cycles.StartCycleAsync(CancellationToken.None);

        Assert.Equal(1, cycles.Index);
        Assert.Null(cycles.Samples);
    }

    [Fact]
    public async Task WithoutAProbe_CyclesAreCounted_AndNothingIsSampled()
    {
        var cycles = new ExperimentProbe(null, new FakeTimeProvider());

        await cycles.StartCycleAsync(CancellationToken.None);

        Assert.Equal((0, TimeSpan.Zero), (cycles.Index, cycles.Spent));
        Assert.Null(cycles.Samples);
    }
}
