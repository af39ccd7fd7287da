using System.Globalization;
using AstroBench.Core.Running;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution;

/// <summary>The runner's cancel and kill: of a started job (signals to its group), and of a job still queued (it never starts).</summary>
internal sealed partial class JobRunner
{
    /// <summary>Requests cancellation (grace 0 = kill). Null when unknown; the row with Accepted=false when not active.</summary>
    public async Task<CancelResult> CancelAsync(string id, TimeSpan grace, bool kill, bool wait, string? why = null)
    {
        var row = store.Get(id);
        if (row is null)
        {
            return new CancelResult(CancelState.NotFound, null, null);
        }
        if (row.Status is JobStatus.Paused or JobStatus.Preempted && !_active.ContainsKey(id))
        {
            // No process: the checkpoint is all there is to stop.
            if (await CancelPausedAsync(row, why ?? (kill ? "killed by user" : "cancelled by user")) is { } final)
            {
                return new CancelResult(CancelState.Accepted, final, null);
            }
            row = store.Get(id)!; // resumed meanwhile
        }
        if (!JobStatus.IsTerminal(row.Status) && !_active.ContainsKey(id) && row.Status == JobStatus.Queued)
        {
            if (await CancelQueuedAsync(row, why ?? (kill ? "killed by user" : "cancelled by user")) is { } final)
            {
                return new CancelResult(CancelState.Accepted, final, null);
            }
            row = store.Get(id)!; // claimed by the dispatcher meanwhile: cancel it as a started job
        }
        if (JobStatus.IsTerminal(row.Status) || !_active.TryGetValue(id, out var job))
        {
            return new CancelResult(CancelState.NotActive, row, null);
        }
        Task<CancelOutcome>? signals = null;
        lock (job.Gate)
        {
            if (!job.CancelRequested)
            {
                var reason = why ?? (kill ? "killed by user" : "cancelled by user");
                var experiment = job.Feed.Progress.CurrentExperiment;
                grace = CancelGrace.Effective(grace, experiment, kill);
                // The timeline says which grace applied (the job's final reason stays the plain one).
                var timeline = kill ? reason : string.Create(CultureInfo.InvariantCulture, $"{reason}; grace {grace.TotalSeconds:0.###} s") +
                    (experiment is not null ? $" during {experiment}" : "");
                if (!store.TryTransition(id, JobStatus.Cancelling, new TransitionUpdate { Reason = reason, HistoryReason = timeline }))
                {
                    return new CancelResult(CancelState.NotActive, store.Get(id), null);
                }
                job.CancelRequested = true;
                job.Grace = grace;
                job.CancelReason = reason;
                job.Feed.SetStatus(JobStatus.Cancelling, reason);
                if (job.Started)
                {
                    job.BeginCancel(Seconds(_options.KillVerifySeconds));
                }
            }
            signals = job.Signals;
        }
        if (signals is { IsCompleted: true, Result: { GroupEmpty: false } early })
        {
            return new CancelResult(CancelState.Failed, store.Get(id), early);
        }
        if (wait)
        {
            var limit = grace + Seconds(_options.KillVerifySeconds) + TimeSpan.FromSeconds(10);
            try
            {
                var final = await job.Settled.Task.WaitAsync(limit);
                return new CancelResult(CancelState.Accepted, final, null);
            }
            catch (TimeoutException)
            {
                var outcome = job.Signals is { IsCompleted: true } s ? s.Result : new CancelOutcome(false, [], "timed out waiting for the job to stop");
                return new CancelResult(CancelState.Failed, store.Get(id), outcome);
            }
        }
        return new CancelResult(CancelState.Accepted, store.Get(id), null);
    }

    /// <summary>
    /// A queued job never started: queued → cancelling (so the dispatcher's claim fails) → cancelled, with the
    /// cancel lines in its log as for a started job. Null when the dispatcher claimed it first.
    /// </summary>
    private async Task<JobRow?> CancelQueuedAsync(JobRow row, string reason)
    {
        if (!store.TryTransition(row.Id, JobStatus.Cancelling, [JobStatus.Queued], new TransitionUpdate { Reason = reason }))
        {
            return null;
        }
        var job = new ActiveJob(row.Id, feeds.GetOrCreateLive(row), ownChild: true) { CancelRequested = true, CancelReason = reason };
        job.Feed.SetStatus(JobStatus.Cancelling, reason);
        await Settler().SettleCancelledBeforeStartAsync(job);
        return await job.Settled.Task;
    }
}
