using AstroBench.Server.Jobs;
using AstroBench.Server.Queue;

namespace AstroBench.Server.Tests.Queue;

/// <summary>The pure preemption rule (docs/pause.md): a preempting head with a higher priority pauses the one running timing job.</summary>
public sealed class PreemptionPolicyTests
{
    private static JobRow Job(string id, string status, bool perf, int priority = 0, string? preempt = null, string? pauseRequested = null) =>
        new(id, status, new JobConfig(["gmst_era"], ["libnova"], 20, 42, 1, !perf, false), null, DateTimeOffset.UnixEpoch, null, null, null,
            JobProgress.Empty, null, null, null, null, null, 0, priority, null, null, pauseRequested, preempt);

    private static readonly JobRow Timing = Job("t0", JobStatus.Running, perf: true);

    [Fact]
    public void APreemptingHeadWithAHigherPriority_PausesTheRunningTimingJob_InItsMode() =>
        Assert.Equal(new Preemption("t0", "u1", "now"), PreemptionPolicy.Pick([Timing], [Job("u1", JobStatus.Queued, false, 5, "now")], draining: false));

    [Fact]
    public void EqualPriority_DoesNotPreempt() =>
        Assert.Null(PreemptionPolicy.Pick([Timing], [Job("u1", JobStatus.Queued, false, 0, "boundary")], draining: false));

    [Fact]
    public void AHeadWithoutPreempt_DoesNotPreempt() =>
        Assert.Null(PreemptionPolicy.Pick([Timing], [Job("u1", JobStatus.Queued, false, 9)], draining: false));

    [Fact]
    public void AnAccuracyJob_IsNeverPreempted() =>
        Assert.Null(PreemptionPolicy.Pick([Job("a0", JobStatus.Running, perf: false)], [Job("u1", JobStatus.Queued, false, 9, "boundary")], draining: false));

    [Fact]
    public void AJobWithAPausePending_OrNotYetRunning_IsLeftAlone()
    {
        Assert.Null(PreemptionPolicy.Pick([Job("t0", JobStatus.Running, true, pauseRequested: "boundary")], [Job("u1", JobStatus.Queued, false, 9, "boundary")], false));
        Assert.Null(PreemptionPolicy.Pick([Job("t0", JobStatus.Starting, true)], [Job("u1", JobStatus.Queued, false, 9, "boundary")], false));
    }

    [Fact]
    public void Draining_DoesNotPreempt() =>
        Assert.Null(PreemptionPolicy.Pick([Timing], [Job("u1", JobStatus.Queued, false, 5, "boundary")], draining: true));
}
