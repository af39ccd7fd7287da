using AstroBench.Server.Jobs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// The runner's pause, resume and the cancel of a paused job (docs/pause.md, docs/slurm.md). A pause is a signal to the
/// orchestrator only (never its group: the adapters would die of it), delivered by the job's executor; the job becomes
/// <c>paused</c> when the process exits with its paused record, which the monitor settles as for any exit.
/// </summary>
internal sealed partial class JobRunner
{
    public const string PauseBoundary = "boundary";
    public const string PauseNow = "now";

    /// <summary>Pauses a running timing job for a more urgent one: it ends <c>preempted</c> and is requeued once that one is done.</summary>
    public void Preempt(Queue.Preemption preemption)
    {
        if (Pause(preemption.VictimId, preemption.Mode, preemption.ById) == PauseOutcome.Accepted)
        {
            logger.LogInformation("job {Id}: preempted ({Mode}) by job {By}", preemption.VictimId, preemption.Mode, preemption.ById);
        }
    }

    /// <summary>Asks a running job to pause (<see cref="PauseBoundary"/> or <see cref="PauseNow"/>); <paramref name="preemptedBy"/> for a preemption.</summary>
    public PauseOutcome Pause(string id, string mode, string? preemptedBy = null)
    {
        if (store.Get(id) is null)
        {
            return PauseOutcome.NotFound;
        }
        if (!_active.TryGetValue(id, out var job))
        {
            return PauseOutcome.Conflict;
        }
        lock (job.Gate)
        {
            // Not before the run has announced its plan: until then its signal handlers may not be in place,
            // and a SIGUSR1's default action would kill it.
            if (job.CancelRequested || !job.Started || job.Feed.Progress.ExperimentsTotal == 0
                || !store.TrySetPauseRequested(id, mode, preemptedBy))
            {
                return PauseOutcome.Conflict;
            }
            // A local job: a signal to the orchestrator's pid; a Slurm job: to its batch step through scancel.
            return job.Executor!.Pause(job, mode) ? PauseOutcome.Accepted : PauseOutcome.Conflict;
        }
    }

    /// <summary>paused → queued at its priority; the dispatcher starts it with <c>run --resume</c>.</summary>
    public PauseOutcome Resume(string id)
    {
        var row = store.Get(id);
        if (row is null)
        {
            return PauseOutcome.NotFound;
        }
        if (row.Status != JobStatus.Paused || !store.TryRequeueFromCheckpoint(id, JobStatus.Paused, keepPlace: false, "resumed by user"))
        {
            return PauseOutcome.Conflict;
        }
        dispatch.Set();
        return PauseOutcome.Accepted;
    }

    /// <summary>
    /// Cancels a paused or preempted job: compare-and-set to <c>cancelled</c> first (so a resume racing it
    /// loses), then its checkpoint is deleted; nothing is published. Null when the job is no longer paused.
    /// </summary>
    private async Task<JobRow?> CancelPausedAsync(JobRow row, string reason)
    {
        var update = new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = reason, LogLines = row.LogLines + 2 };
        if (!store.TryTransition(row.Id, JobStatus.Cancelled, [JobStatus.Paused, JobStatus.Preempted], update))
        {
            return null;
        }
        if (row.Checkpoint is { } checkpoint)
        {
            PausedJobs.Discard(checkpoint, row.Id, logger);
        }
        await JobSettler.AppendAsync(paths, row.Id, [JobSettler.CancelledLine, JobSettler.CancelledMarker]);
        var final = store.Get(row.Id)!;
        feeds.CompleteIfLive(final);
        return final;
    }
}
