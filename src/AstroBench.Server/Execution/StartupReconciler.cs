using AstroBench.Core.Orchestration;
using AstroBench.Core.Running;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// Runs once at start-up, before requests are served: every job the store says holds the machine is either
/// reattached (its process is alive: same pid <b>and</b> start time) or settled by <see cref="SettleDecision"/>
/// (the runner's rule): from its exit record, else <c>failed</c> with reason <c>lost</c>. Leftover members of a dead job's group are killed.
/// A claim that was never spawned is requeued (docs/queue.md). Only those jobs are touched, so start-up cost does not grow with the history.
/// </summary>
internal sealed class StartupReconciler(JobStore store, JobRunner runner, ServerPaths paths, ILogger<StartupReconciler> logger)
{
    public void Reconcile()
    {
        // Queued, paused and preempted jobs have no process: they stay as they are (the dispatcher takes the queue).
        foreach (var row in store.ListHolding())
        {
            if (row is { Status: JobStatus.Starting, Pid: null } && !File.Exists(paths.SpawnMarkerFile(row.Id)))
            {
                Requeue(row);
                continue;
            }
            // Its process still runs (a Slurm job: Slurm still knows it): followed on by its executor.
            if (runner.TryReattach(row))
            {
                logger.LogInformation("job {Id}: still running, reattached", row.Id);
                continue;
            }
            if (row.Pgid is { } pgid && ProcessGroup.Members(pgid).Count > 0)
            {
                ProcessGroup.Signal(pgid, LibC.SIGKILL, out _);
            }
            Settle(row);
        }
    }

    /// <summary>Claimed but never spawned (no spawn marker, no pid): nothing ran, so it goes back to its place in the queue.</summary>
    private void Requeue(JobRow row)
    {
        if (store.TryTransition(row.Id, JobStatus.Queued, [JobStatus.Starting],
                new TransitionUpdate { HistoryReason = "requeued at start-up: claimed but never spawned" }))
        {
            logger.LogInformation("job {Id}: claimed but never spawned before the server stopped; back in the queue", row.Id);
        }
    }

    private void Settle(JobRow row)
    {
        File.Delete(paths.SpawnMarkerFile(row.Id));
        var stderr = JobSettler.ReadStderrTail(paths, row.Id);
        var cancelling = row.Status == JobStatus.Cancelling;
        // The job's memory cgroup outlives the server; with the process gone it goes too.
        Limits.MemoryCgroup.TryOpen(row.Id)?.Remove();
        var verdict = SettleDecision.Decide(new SettleInput(ExitRecordFile.TryRead(paths.ExitRecordFile(row.Id)), cancelling,
            cancelling ? row.Reason : null, null, stderr.Count > 0 ? stderr[^1] : null));
        JobSettler.AppendOutcomeLinesAsync(paths, row.Id, verdict, stderr).GetAwaiter().GetResult();
        var to = PausedJobs.StateOf(verdict, row);
        if (verdict is { Status: RunStatus.Cancelled, Checkpoint: { } checkpoint })
        {
            PausedJobs.Discard(checkpoint, row.Id, logger);
        }
        var update = new TransitionUpdate
        {
            // A paused job is not finished: it keeps its checkpoint for a resume.
            FinishedAt = verdict.Status == RunStatus.Paused ? null : DateTimeOffset.UtcNow,
            Checkpoint = verdict.Checkpoint,
            ExitCode = verdict.ExitCode,
            RunId = verdict.RunId,
            Reason = verdict.Reason,
            LogLines = CountLines(row),
            Progress = verdict.Status == RunStatus.Completed
                ? row.Progress with { Percent = 100, ExperimentsDone = Math.Max(row.Progress.ExperimentsDone, row.Progress.ExperimentsTotal), CurrentStep = null }
                : null,
        };
        if (!store.TryTransition(row.Id, to, update))
        {
            // The table has no edge from this state to the verdict (e.g. a completed record for a job still
            // queued): never leave the job active.
            to = JobStatus.Failed;
            store.TryTransition(row.Id, to, update with { Reason = verdict.Reason ?? SettleDecision.Lost });
        }
        logger.LogInformation("job {Id}: settled as {Status} at start-up", row.Id, to);
    }

    private long CountLines(JobRow row)
    {
        var path = paths.LogFile(row.Id);
        return File.Exists(path) ? AstroBench.Core.Results.Reading.SparseLineIndex.Build(path, 1 << 20, includePartial: true).LineCount : 0;
    }
}
