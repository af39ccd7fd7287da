using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;

namespace AstroBench.Core.Tests.Orchestration;

public sealed class SettleDecisionTests
{
    private static ExitRecord Record(RunStatus status, int? code, string? runId = null, string? reason = null) =>
        new(status, code, runId, runId is null ? null : "/r/" + runId, reason, 1, DateTimeOffset.UnixEpoch);

    private static ExitRecord Paused() =>
        new(RunStatus.Paused, 75, null, null, "paused before kepler_solver", 1, DateTimeOffset.UnixEpoch, "/r/.staging/C");

    public static TheoryData<string, SettleInput, SettleVerdict> Cases() => new()
    {
        { "completed record", new(Record(RunStatus.Completed, 0, "R"), false, null, 0, null),
            new(RunStatus.Completed, null, 0, "R", false, false) },
        { "completed record beats a late cancel", new(Record(RunStatus.Completed, 0, "R"), true, "cancelled by user", null, null),
            new(RunStatus.Completed, null, 0, "R", false, false) },
        { "completed record without exit code", new(Record(RunStatus.Completed, null, "R"), false, null, null, null),
            new(RunStatus.Completed, null, 0, "R", false, false) },
        { "cancel requested, record cancelled", new(Record(RunStatus.Cancelled, 143, reason: "cancelled"), true, "killed by user", 143, null),
            new(RunStatus.Cancelled, "killed by user", 143, null, true, false) },
        { "cancel requested, no record (killed)", new(null, true, "cancelled by user", 137, "x"),
            new(RunStatus.Cancelled, "cancelled by user", 137, null, true, false) },
        { "cancel requested after a restart, nothing known", new(null, true, null, null, null),
            new(RunStatus.Cancelled, SettleDecision.CancelledByUser, null, null, true, false) },
        { "record cancelled by a signal nobody here sent", new(Record(RunStatus.Cancelled, 143, reason: "cancelled"), false, null, 143, null),
            new(RunStatus.Cancelled, "cancelled", 143, null, false, true) },
        { "record cancelled without a reason", new(Record(RunStatus.Cancelled, 130), false, null, null, null),
            new(RunStatus.Cancelled, "terminated by a signal (exit code 130)", 130, null, false, true) },
        { "record failed", new(Record(RunStatus.Failed, 1, reason: "gmst_era failed: crash"), false, null, 1, "stderr line"),
            new(RunStatus.Failed, "gmst_era failed: crash", 1, null, false, true) },
        { "record failed without a reason", new(Record(RunStatus.Failed, 2), false, null, null, "error: bad"),
            new(RunStatus.Failed, "exit code 2: error: bad", 2, null, false, true) },
        { "record exit code wins over the reaped one", new(Record(RunStatus.Failed, 2, reason: "r"), false, null, 9, null),
            new(RunStatus.Failed, "r", 2, null, false, true) },
        { "no record, reaped exit code, stderr", new(null, false, null, 134, "Unhandled exception"),
            new(RunStatus.Failed, "exit code 134: Unhandled exception", 134, null, false, true) },
        { "no record, reaped exit code 0", new(null, false, null, 0, null),
            new(RunStatus.Failed, "exit code 0", 0, null, false, false) },
        { "record paused: the job is paused, with its checkpoint", new(Paused(), false, null, 75, "x"),
            new(RunStatus.Paused, "paused before kepler_solver", 75, null, false, false, "/r/.staging/C") },
        { "cancel requested, record paused: cancelled, the checkpoint to discard", new(Paused(), true, "cancelled by user", 75, null),
            new(RunStatus.Cancelled, "cancelled by user", 75, null, true, false, "/r/.staging/C") },
        { "no record, no exit code (restart)", new(null, false, null, null, "stale"),
            new(RunStatus.Failed, SettleDecision.Lost, null, null, false, false) },
        { "OOM kill in the job's cgroup beats everything, a published run stays referenced", new(Record(RunStatus.Completed, 0, "R"), false, null, 0, null, OomKilled: true),
            new(RunStatus.Failed, SettleDecision.Oom, 0, "R", false, false) },
        { "OOM kill of the orchestrator itself (no record)", new(null, false, null, 137, null, OomKilled: true),
            new(RunStatus.Failed, SettleDecision.Oom, 137, null, false, false) },
        { "stopped for its timeout: failed, not cancelled", new(Record(RunStatus.Cancelled, 143, reason: "cancelled"), true, "timeout", 143, null, SettleDecision.Timeout),
            new(RunStatus.Failed, SettleDecision.Timeout, 143, null, false, false) },
        { "a run that completed while its timeout fired stays completed", new(Record(RunStatus.Completed, 0, "R"), true, "timeout", 0, null, SettleDecision.Timeout),
            new(RunStatus.Completed, null, 0, "R", false, false) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_FollowsTheTable(string name, SettleInput input, SettleVerdict expected)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(expected, SettleDecision.Decide(input));
    }
}
