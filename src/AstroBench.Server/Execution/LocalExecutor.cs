using AstroBench.Core.Running;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// The local executor: <c>astrobench run</c> in its own session on this machine (pid = pgid), inside the job's limits
/// (docs/limits.md). Followed by pid and start time, stopped by signals to its group, paused by a signal to its pid.
/// </summary>
internal sealed class LocalExecutor(JobStore store, ServerPaths paths, AstroBenchServerOptions options, ILogger logger) : IJobExecutor
{
    public async Task<string?> StartAsync(ActiveJob job, JobRow queued)
    {
        SpawnedProcess process;
        Limits.JobLimitsDto? applied;
        try
        {
            Directory.CreateDirectory(paths.LogsDir);
            Directory.CreateDirectory(paths.ResultsDir);
            File.Delete(paths.ExitRecordFile(job.Id));
            var limited = Limits.LimitedSpawn.Prepare(job.Id, queued.Config.Limits, options.JobLimits.UseCgroup, options.JobLimits.UseRlimit);
            job.Cgroup = limited.Cgroup;
            applied = limited.Applied;
            // A job with a checkpoint was paused: it continues from it (docs/pause.md).
            var argv = limited.Wrap(new OrchestratorCommand(options, paths).Build(job.Id, queued.Config, queued.Notes, queued.Checkpoint, limited.AdapterMemoryMb));
            // Tells a restarted server that this claim may have a process (never requeue it then).
            await File.WriteAllTextAsync(paths.SpawnMarkerFile(job.Id), "");
            process = SessionSpawner.Spawn(argv, paths.Root, paths.StderrFile(job.Id),
                new Dictionary<string, string> { ["ASTROBENCH_JOB_ID"] = job.Id });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: start failed", job.Id);
            await File.AppendAllTextAsync(paths.LogFile(job.Id), $"Failed to start the orchestrator: {ex.Message}\n");
            return ex.Message;
        }
        lock (job.Gate)
        {
            // Known to the job before anything else can throw, so an internal error still kills the group.
            job.Process = process;
            store.SetProcess(job.Id, process.Pid, process.Pgid, process.StartTicks);
            // Before the orchestrator (still starting its runtime) forks any adapter: they inherit the cgroup.
            job.Cgroup?.Add(process.Pid);
            store.SetLimits(job.Id, applied!);
            job.Deadline = Limits.LimitedSpawn.Deadline(queued.Config.Limits, DateTimeOffset.UtcNow);
            File.Delete(paths.SpawnMarkerFile(job.Id));
            if (job.CancelRequested)
            {
                job.BeginCancel(JobRunner.Seconds(options.KillVerifySeconds));
            }
            else if (store.TryTransition(job.Id, JobStatus.Running, new TransitionUpdate { StartedAt = queued.StartedAt is null ? DateTimeOffset.UtcNow : null }))
            {
                job.Feed.SetStatus(JobStatus.Running, null);
            }
        }
        return null;
    }

    public bool CanReattach(JobRow row) => row.Pid is { } pid && row.ProcStartTicks is { } ticks && ProcStat.IsAlive(pid, ticks);

    public void Reattach(ActiveJob job, JobRow row)
    {
        job.Process = new SpawnedProcess(row.Pid!.Value, row.Pgid ?? row.Pid!.Value, row.ProcStartTicks ?? 0);
        job.Cgroup = Limits.MemoryCgroup.TryOpen(row.Id);
    }

    public void Poll(ActiveJob job) => job.TryReap();

    public bool IsAlive(ActiveJob job) =>
        job.Process is { } p && job.ReapedExitCode is null && ProcStat.IsAlive(p.Pid, p.StartTicks);

    public Task<CancelOutcome> CancelAsync(ActiveJob job, TimeSpan grace, TimeSpan killVerify, TimeProvider? clock = null) =>
        SignalSequence.RunAsync(job, grace, killVerify, clock);

    public bool Pause(ActiveJob job, string mode)
    {
        var pid = job.Process!.Pid;
        var signal = mode == JobRunner.PauseNow ? PauseSignals.SigUsr2 : PauseSignals.SigUsr1;
        if (LibC.kill(pid, signal) == 0)
        {
            return true;
        }
        logger.LogWarning("job {Id}: pause signal {Signal} to {Pid} not delivered", job.Id, signal, pid);
        return false;
    }

    public async Task<ExecutorEnd> SettleAsync(ActiveJob job)
    {
        var pgid = job.Process!.Pgid;
        if (job.CancelRequested)
        {
            var outcome = job.Signals is { } s ? await s : new CancelOutcome(true, [], null);
            while (!outcome.GroupEmpty)
            {
                logger.LogError("job {Id}: {Error}; retrying SIGKILL", job.Id, outcome.Error);
                ProcessGroup.Signal(pgid, LibC.SIGKILL, out _);
                var left = await ProcessGroup.WaitEmptyAsync(pgid, TimeSpan.FromSeconds(1), job.TryReap);
                outcome = new CancelOutcome(left.Count == 0, left, outcome.Error);
            }
        }
        else if (ProcessGroup.Members(pgid) is { Count: > 0 } orphans)
        {
            // The orchestrator is gone but something it started is not: never leave orphans behind.
            logger.LogWarning("job {Id}: killing {Count} leftover processes of group {Pgid}", job.Id, orphans.Count, pgid);
            ProcessGroup.Signal(pgid, LibC.SIGKILL, out _);
            await ProcessGroup.WaitEmptyAsync(pgid, TimeSpan.FromSeconds(5), job.TryReap);
        }
        job.TryReap();
        return new ExecutorEnd(job.StoppedBy, job.Cgroup?.OomKills() > 0);
    }

    public async Task KillAsync(ActiveJob job, TimeSpan killVerify)
    {
        if (job.Process is not { } process)
        {
            return;
        }
        try
        {
            ProcessGroup.Signal(process.Pgid, LibC.SIGKILL, out _);
            var left = await ProcessGroup.WaitEmptyAsync(process.Pgid, killVerify, job.TryReap);
            if (left.Count > 0)
            {
                logger.LogError("job {Id}: {Count} processes of group {Pgid} survived SIGKILL", job.Id, left.Count, process.Pgid);
            }
            job.TryReap();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: killing the group after an internal error failed", job.Id);
        }
    }
}
