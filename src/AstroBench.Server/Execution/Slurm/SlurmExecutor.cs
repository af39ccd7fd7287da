using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// The Slurm executor (docs/slurm.md): the claimed job is submitted with sbatch instead of spawned, and followed by the same
/// monitor and settler as a local one (log, progress and exit record in the shared lab root). Its "process" is the Slurm job:
/// alive while Slurm has it, stopped with <see cref="SlurmCancel"/>, paused by a signal to its batch step, found again after a
/// restart by its Slurm job id.
/// </summary>
internal sealed class SlurmExecutor(JobStore store, ServerPaths paths, AstroBenchServerOptions options, SlurmClient client, ILogger logger) : IJobExecutor
{
    public async Task<string?> StartAsync(ActiveJob job, JobRow queued)
    {
        SlurmJobHandle handle;
        var placement = queued.Config.Placement ?? new JobPlacement(JobPlacement.Slurm);
        var partition = placement.Partition ?? options.Slurm.Partition;
        try
        {
            Directory.CreateDirectory(paths.LogsDir);
            Directory.CreateDirectory(paths.ResultsDir);
            File.Delete(paths.ExitRecordFile(job.Id));
            // A paused job's checkpoint is in the shared lab root: the new batch job runs `astrobench run --resume` on it.
            var argv = new OrchestratorCommand(options, paths).Build(job.Id, queued.Config, queued.Notes, queued.Checkpoint);
            var request = new SubmitRequest(job.Id, argv, paths.Root, paths.StderrFile(job.Id),
                Exclusive: Queue.ResourceClass.Of(queued.Config) == Queue.ResourceClass.Timing,
                partition, placement.Constraint ?? options.Slurm.Constraint);
            // As for a spawn: a restart that finds this marker without a Slurm id looks the job up by its name.
            await File.WriteAllTextAsync(paths.SpawnMarkerFile(job.Id), "");
            handle = NewHandle(await client.SubmitAsync(request, paths.Root));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: Slurm submission failed", job.Id);
            await File.AppendAllTextAsync(paths.LogFile(job.Id), $"Failed to submit the job to Slurm: {ex.Message}\n");
            File.Delete(paths.SpawnMarkerFile(job.Id));
            return ex.Message;
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
                job.BeginCancel(JobRunner.Seconds(options.KillVerifySeconds));
            }
        }
        // Pending → queued (with Slurm's reason), running → running: Poll mirrors Slurm's state (SlurmStatusMirror).
        return null;
    }

    /// <summary>Slurm keeps the job (and its processes) whatever happened to the server: it is followed again by its Slurm job id.</summary>
    public bool CanReattach(JobRow row) => row.Slurm is not null;

    public void Reattach(ActiveJob job, JobRow row) => job.Slurm = NewHandle(row.Slurm!.JobId);

    public void Poll(ActiveJob job) => SlurmStatusMirror.Apply(job, job.Slurm!, store);

    public bool IsAlive(ActiveJob job) => job.Slurm is { HasEnded: false };

    public Task<CancelOutcome> CancelAsync(ActiveJob job, TimeSpan grace, TimeSpan killVerify, TimeProvider? clock = null) =>
        SlurmCancel.RunAsync(job.Slurm!, grace, job.Slurm!.KillConfirm, clock);

    /// <summary>
    /// <c>scancel --signal=USR1|USR2 --batch</c>: the batch step only, which is the orchestrator (the job script execs it), never the
    /// adapters it started. Only once Slurm runs the job: a pending one has no orchestrator to hear it.
    /// </summary>
    public bool Pause(ActiveJob job, string mode)
    {
        var slurm = job.Slurm!;
        if (slurm.Last?.State != SlurmJobState.Running)
        {
            return false;
        }
        var signal = mode == JobRunner.PauseNow ? "USR2" : "USR1";
        var result = client.SignalBatch(slurm.JobId, signal);
        if (!result.Ok)
        {
            logger.LogWarning("job {Id}: pause signal {Signal} to Slurm job {Slurm} not delivered: {Message}", job.Id, signal, slurm.JobId, result.Message);
        }
        return result.Ok;
    }

    public async Task<ExecutorEnd> SettleAsync(ActiveJob job)
    {
        var slurm = job.Slurm!;
        if (job.CancelRequested)
        {
            var outcome = job.Signals is { } s ? await s : new CancelOutcome(true, [], null);
            if (!outcome.GroupEmpty)
            {
                // Never "cancelled" before Slurm confirms the job ended.
                await SlurmCancel.EnsureEndedAsync(slurm, logger, job.Id);
            }
        }
        // Slurm's final word into the store (slurm_state), read while confirming the end.
        SlurmStatusMirror.Apply(job, slurm, store);
        // The batch script execs the orchestrator: its exit code is the orchestrator's (what waitpid gives a local job).
        job.ReapedExitCode ??= slurm.Last?.ExitCode;
        // Slurm ended it (node failure, time limit…): failed with Slurm's reason, unless the run completed.
        return new ExecutorEnd(job.StoppedBy ?? slurm.ClusterFailure, OomKilled: false);
    }

    public Task KillAsync(ActiveJob job, TimeSpan killVerify) =>
        job.Slurm is { } slurm ? SlurmCancel.KillAsync(slurm, slurm.KillConfirm, logger, job.Id) : Task.CompletedTask;

    private SlurmJobHandle NewHandle(long slurmJobId) =>
        new(slurmJobId, client, TimeSpan.FromMilliseconds(Math.Max(20, options.Slurm.PollMs)), JobRunner.Seconds(options.Slurm.KillConfirmSeconds));
}
