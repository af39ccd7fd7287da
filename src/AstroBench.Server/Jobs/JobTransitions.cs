namespace AstroBench.Server.Jobs;

/// <summary>
/// The one table of allowed job transitions (from → to). <see cref="JobStore.TryTransition"/> refuses
/// every other pair; terminal states have no row, so they never change.
/// </summary>
public static class JobTransitions
{
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed { get; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal)
    {
        // Claimed by the dispatcher (compare-and-set); a user cancel (through cancelling, as for a started job);
        // superseded by a newer job of its concurrency key (directly: it never started); an internal error.
        // A job pending in Slurm (submitted, queued there) starts running or ends there (docs/slurm.md).
        [JobStatus.Queued] = Set(JobStatus.Starting, JobStatus.Cancelling, JobStatus.Cancelled, JobStatus.Failed, JobStatus.Running,
            JobStatus.Completed),
        // The process is up; cancel requested; the spawn failed; settled after a restart that found the process gone;
        // back to the queue after a restart that found the claim was never spawned (docs/queue.md).
        [JobStatus.Starting] = Set(JobStatus.Running, JobStatus.Cancelling, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled,
            JobStatus.Queued),
        // Settled from its exit record; a cancel was requested; stopped at a checkpoint (pause, preemption).
        [JobStatus.Running] = Set(JobStatus.Cancelling, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled, JobStatus.Paused,
            JobStatus.Preempted),
        // Resumed (back to the queue, continuing from its checkpoint); given up; the checkpoint is unusable.
        [JobStatus.Paused] = Set(JobStatus.Queued, JobStatus.Cancelled, JobStatus.Failed),
        // Requeued to continue from its checkpoint; given up; the checkpoint is unusable.
        [JobStatus.Preempted] = Set(JobStatus.Queued, JobStatus.Cancelled, JobStatus.Failed),
        // The group is confirmed gone; or the run published its folder before the signal landed; or it broke.
        [JobStatus.Cancelling] = Set(JobStatus.Cancelled, JobStatus.Completed, JobStatus.Failed),
    };

    public static bool IsAllowed(string from, string to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Every state from which <paramref name="to"/> may be reached.</summary>
    public static IReadOnlyList<string> From(string to) => [.. Allowed.Where(kv => kv.Value.Contains(to)).Select(kv => kv.Key)];

    private static HashSet<string> Set(params string[] states) => new(states, StringComparer.Ordinal);
}
