using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// Mirrors a Slurm job's state into the job (called on every monitor poll; Slurm is asked at most every <c>PollMs</c>):
/// pending in Slurm → <c>queued</c> with Slurm's reason in the history, running in Slurm → <c>running</c>, and the
/// Slurm job id, node, state and reason into the store (also Slurm's final state, read by the cancel or the end).
/// Transitions are compare-and-set: a cancel always wins.
/// </summary>
internal static class SlurmStatusMirror
{
    public static void Apply(ActiveJob job, SlurmJobHandle slurm, JobStore store)
    {
        slurm.Refresh();
        if (slurm.Last is not { } state || state == slurm.Mirrored)
        {
            return;
        }
        var row = store.Get(job.Id);
        lock (job.Gate)
        {
            // The status first: a reader never sees Slurm's PENDING on a job still `starting`.
            if (state.State == SlurmJobState.Pending &&
                store.TryTransition(job.Id, JobStatus.Queued, [JobStatus.Starting],
                    new TransitionUpdate { HistoryReason = "pending in Slurm: " + (Reason(state) ?? "?") }))
            {
                job.Feed.SetStatus(JobStatus.Queued, null);
            }
            else if (state.State == SlurmJobState.Running &&
                store.TryTransition(job.Id, JobStatus.Running, [JobStatus.Starting, JobStatus.Queued],
                    new TransitionUpdate { StartedAt = row?.StartedAt is null ? DateTimeOffset.UtcNow : null, HistoryReason = "running in Slurm on " + state.Node }))
            {
                job.Feed.SetStatus(JobStatus.Running, null);
            }
        }
        store.SetSlurm(job.Id, new SlurmJobInfo(slurm.JobId, state.Partition ?? row?.Slurm?.Partition, state.Node ?? row?.Slurm?.Node, state.State, Reason(state)));
        slurm.Mirrored = state;
    }

    private static string? Reason(SlurmJobState s) => s.Reason is { Length: > 0 } r && r != "None" ? r : null;
}
