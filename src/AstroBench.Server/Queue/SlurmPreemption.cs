using AstroBench.Server.Jobs;

namespace AstroBench.Server.Queue;

/// <summary>
/// Preemption among Slurm jobs (docs/slurm.md, pure): Slurm schedules them, so the urgent one is already submitted and pending
/// there; it pauses a running Slurm timing job of the same partition by <see cref="PreemptionPolicy"/>'s rule (preempt set,
/// higher priority, victim a timing job with no pause pending). The paused job frees its node and is resubmitted once the urgent one is done.
/// </summary>
internal static class SlurmPreemption
{
    public static Preemption? Pick(IReadOnlyList<JobRow> submitted, bool draining)
    {
        var urgent = submitted
            .Where(j => j is { Status: JobStatus.Queued, Preempt: not null, Slurm.State: Execution.Slurm.SlurmJobState.Pending })
            .OrderByDescending(j => j.Priority);
        foreach (var head in urgent)
        {
            foreach (var victim in submitted.Where(j => j.Status == JobStatus.Running && j.Slurm?.Partition == head.Slurm?.Partition))
            {
                if (PreemptionPolicy.Pick([victim], [head], draining) is { } preemption)
                {
                    return preemption;
                }
            }
        }
        return null;
    }
}
