using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>The real probe binary (built by <c>astrobench adapters build</c>, i.e. scripts/setup.sh) as one fresh process.</summary>
public sealed class MachineProbeTests
{
    private static string RepoAdapters()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AstroBench.sln")))
            {
                return Path.Combine(dir.FullName, "adapters");
            }
        }
        throw new InvalidOperationException("no checkout above the test binary");
    }

    [Fact]
    public async Task TheBuiltProbe_GivesOnePositiveSample()
    {
        var probe = MachineProbe.Locate(["/nonexistent", RepoAdapters()]);
        Assert.True(probe is not null, "adapters/probe/build/machine_probe is not built: run ./scripts/setup.sh");

        var sample = await probe.SampleAsync(CancellationToken.None);

        Assert.True(sample > 0, $"sample {sample}");
    }

    [Fact]
    public async Task AProbeThatFails_GivesNoSample_AndNeverThrows()
    {
        Assert.Null(MachineProbe.Locate(["/nonexistent"]));
        Assert.Null(await new MachineProbe("/bin/false").SampleAsync(CancellationToken.None));
        Assert.Null(await new MachineProbe("/nonexistent/machine_probe").SampleAsync(CancellationToken.None));
    }
}
