using AstroBench.Core.Adapters;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Running;

/// <summary>How many processes a cycle starts ahead per library (<see cref="TimingProcesses.Counts"/>).</summary>
public sealed class TimingProcessesTests
{
    private static TimingProcesses.Want Want(int library, string language, int certain) =>
        new(library, new AdapterInfo(new AdapterManifest("lib" + library, [1, 6], language, "x", null, null, ["true"], null, null,
            new Dictionary<string, ExperimentSupport>()), "/", true, null), certain);

    [Fact]
    public void InterpretedLibraries_GetTheirCertainRounds_NativeOnesOnlyThisCycles()
    {
        Assert.Equal([1, 5, 1, 3], TimingProcesses.Counts([Want(0, "c", 5), Want(1, "python", 5), Want(2, "c++", 5), Want(3, "javascript", 3)], 16));
        Assert.Equal([1], TimingProcesses.Counts([Want(0, "python", 0)], 16)); // an extra round beyond the planned: this cycle's
    }

    [Fact]
    public void OverTheLimit_TheLargestGiveWayFirst_ButEveryLibraryKeepsThisCyclesProcess()
    {
        Assert.Equal([1, 3, 3, 3], TimingProcesses.Counts([Want(0, "c", 5), Want(1, "python", 5), Want(2, "python", 5), Want(3, "csharp", 5)], 10));
        Assert.Equal([1, 1, 1], TimingProcesses.Counts([Want(0, "python", 5), Want(1, "python", 5), Want(2, "python", 5)], 0));
    }
}
