using AstroBench.Core.Running;
using AstroBench.Server.Execution.Slurm;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// The runner's Slurm executor (docs/slurm.md): the claimed job is submitted with sbatch instead of spawned, and followed
/// by the same monitor and settler as a local one (log, progress and exit record in the shared lab root). Its "process" is
/// the Slurm job: alive while Slurm has it, stopped with <see cref="SlurmCancel"/>, found again after a restart by its Slurm job id.
/// </summary>
internal sealed partial class JobRunner
{
    /// <summary>The job goes (or went) to Slurm: it was submitted, or its placement or the lab's executor says so.</summary>
    internal bool IsSlurm(JobRow row) => row.Slurm is not null || (row.Config.Placement?.Executor ?? _options.Executor) == JobPlacement.Slurm;

    private async Task LaunchSlurmAsync(ActiveJob job, JobRow queued)
    {
        SlurmJobHandle handle;
        var placement = queued.Config.Placement ?? new JobPlacement(JobPlacement.Slurm);
        var partition = placement.Partition ?? _options.Slurm.Partition;
        try
        {
            Directory.CreateDirectory(paths.LogsDir);
            Directory.CreateDirectory(paths.ResultsDir);
            File.Delete(paths.ExitRecordFile(job.Id));
            var argv = new OrchestratorCommand(_options, paths).Build(job.Id, queued.Config, queued.Notes, queued.Checkpoint);
            var request = new SubmitRequest(job.Id, argv, paths.Root, paths.StderrFile(job.Id),
                Exclusive: Queue.ResourceClass.Of(queued.Config) == Queue.ResourceClass.Timing,
                partition, placement.Constraint ?? _options.Slurm.Constraint);
            // As for a spawn: a restart that finds this marker without a Slurm id looks the job up by its name.
            await File.WriteAllTextAsync(paths.SpawnMarkerFile(job.Id), "");
            var slurmId = await slurm.SubmitAsync(request, paths.Root);
            handle = NewHandle(slurmId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: Slurm submission failed", job.Id);
            await File.AppendAllTextAsync(paths.LogFile(job.Id), $"Failed to submit the job to Slurm: {ex.Message}\n");
            File.Delete(paths.SpawnMarkerFile(job.Id));
            await Settler().SettleStartFailureAsync(job, ex.Message);
            return;
        }
        lock (job.Gate)
        {
            job.Slurm = handle;
            // Its state is null until Slurm is first asked (the job reads `starting` until then).
            store.SetSlurm(job.Id, new SlurmJobInfo(handle.JobId, partition, null, null, null));
            File.Delete(paths.SpawnMarkerFile(job.Id));
            job.Deadline = Limits.LimitedSpawn.Deadline(queued.Config.Limits, DateTimeOffset.UtcNow);
            if (job.CancelRequested)
            {
                job.Signals = Task.Run(() => SignalSequence.RunAsync(job, job.Grace, Seconds(_options.KillVerifySeconds)));
            }
        }
        // Pending → queued (with Slurm's reason), running → running: the monitor mirrors Slurm's state (SlurmStatusMirror).
        await Monitor().RunAsync(job, JobProgress.Empty);
    }

    /// <summary>Follows a Slurm job after a server restart: by its Slurm job id, whatever state it reached meanwhile.</summary>
    internal void ReattachSlurm(JobRow row, SlurmJobInfo info)
    {
        var handle = NewHandle(info.JobId);
        var job = new ActiveJob(row.Id, feeds.CreateLive(row), ownChild: false)
        {
            Slurm = handle,
            Deadline = row.StartedAt is { } started ? Limits.LimitedSpawn.Deadline(row.Config.Limits, started) : null,
        };
        if (row.Status == JobStatus.Cancelling)
        {
            job.CancelRequested = true;
            job.CancelReason = row.Reason ?? "cancelled by user";
            job.Grace = CancelGrace.Effective(Seconds(_options.CancelGraceSeconds), row.Progress.CurrentExperiment);
            job.Signals = Task.Run(() => SignalSequence.RunAsync(job, job.Grace, Seconds(_options.KillVerifySeconds)));
        }
        _active[row.Id] = job;
        _ = Task.Run(() => MonitorAsync(job, row.Progress));
    }

    private SlurmJobHandle NewHandle(long slurmJobId) =>
        new(slurmJobId, slurm, TimeSpan.FromMilliseconds(Math.Max(20, _options.Slurm.PollMs)), Seconds(_options.Slurm.KillConfirmSeconds));
}
