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

    [Fact]
    public async Task ThePlannedCyclesProbes_StayOutOfTheBudget_ALaterCyclesProbeIsPaidFromIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // a shell script stands in for the probe
        }
        var dir = Directory.CreateTempSubdirectory("astrobench-probe-").FullName;
        try
        {
            var script = Path.Combine(dir, "machine_probe");
            File.WriteAllText(script, "#!/bin/sh\necho 'probe 1 ops 1000 values_ns_per_op 20 21 22'\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var cycles = new ExperimentProbe(new MachineProbe(script), TimeProvider.System, plannedCycles: 1);

            await cycles.StartCycleAsync(CancellationToken.None); // the planned cycle
            await cycles.StartCycleAsync(CancellationToken.None); // the probe judging it
            var outside = cycles.OutsideBudget;
            Assert.Equal((cycles.Spent, TimeSpan.Zero), (outside, cycles.PaidSpent));

            await cycles.StartCycleAsync(CancellationToken.None); // an extra cycle
            Assert.Equal(outside, cycles.OutsideBudget);
            Assert.True(cycles.PaidSpent > TimeSpan.Zero);
            Assert.Equal(cycles.Spent, outside + cycles.PaidSpent);
            Assert.Equal([21.0, 21.0, 21.0], cycles.Samples);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
