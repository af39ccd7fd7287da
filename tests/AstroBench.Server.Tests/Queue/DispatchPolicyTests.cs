using AstroBench.Server.Queue;

namespace AstroBench.Server.Tests.Queue;

/// <summary>The pure dispatch rule: resource classes, head-of-line for timing jobs, concurrency keys, drain.</summary>
public sealed class DispatchPolicyTests
{
    private static DispatchSlot T(string id, string? key = null) => new(id, ResourceClass.Timing, key);

    private static DispatchSlot A(string id, string? key = null) => new(id, ResourceClass.Accuracy, key);

    [Fact]
    public void EmptyMachine_StartsTheHeadTimingJobAlone() =>
        Assert.Equal(["t1"], DispatchPolicy.Pick([], [T("t1"), A("a1"), T("t2")], 4, draining: false));

    [Fact]
    public void NothingStartsBesideATimingJob() =>
        Assert.Empty(DispatchPolicy.Pick([T("t0")], [A("a1"), A("a2")], 4, draining: false));

    [Fact]
    public void AccuracyJobs_StartTogether_UpToTheLimit() =>
        Assert.Equal(["a1", "a2"], DispatchPolicy.Pick([A("a0")], [A("a1"), A("a2"), A("a3")], 3, draining: false));

    [Fact]
    public void ATimingJobAtTheHead_WaitsForTheMachineToEmpty_AndNothingOvertakesIt() =>
        Assert.Empty(DispatchPolicy.Pick([A("a0")], [T("t1"), A("a1")], 4, draining: false));

    [Fact]
    public void AccuracyJobsBeforeATimingJob_Start_ThenTheTimingJobStopsTheScan() =>
        Assert.Equal(["a1"], DispatchPolicy.Pick([], [A("a1"), T("t1"), A("a2")], 4, draining: false));

    [Fact]
    public void AJobWhoseKeyIsRunning_Waits_WithoutHoldingUpTheOthers() =>
        Assert.Equal(["a2"], DispatchPolicy.Pick([A("a0", "k")], [A("a1", "k"), A("a2")], 4, draining: false));

    [Fact]
    public void ATimingJobWhoseKeyIsRunning_IsSkipped_AndTheNextCanStartIfTheMachineAllows() =>
        Assert.Equal(["a2"], DispatchPolicy.Pick([A("a0", "k")], [T("t1", "k"), A("a2")], 4, draining: false));

    [Fact]
    public void Draining_StartsNothing() =>
        Assert.Empty(DispatchPolicy.Pick([], [T("t1"), A("a1")], 4, draining: true));

    [Fact]
    public void ALimitBelowOne_StillRunsOneAccuracyJob() =>
        Assert.Equal(["a1"], DispatchPolicy.Pick([], [A("a1"), A("a2")], 0, draining: false));
}
