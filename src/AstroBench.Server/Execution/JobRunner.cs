using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using AstroBench.Core.Running;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Execution;

/// <summary>
/// Starts, cancels and follows jobs. A job's process is <c>astrobench run</c> in its own session
/// (pid = pgid); it writes its log and exit record itself, so the server can die and come back.
/// One <see cref="JobMonitor"/> per active job tails the log, watches the process and settles the job.
/// </summary>
internal sealed class JobRunner(
    JobStore store,
    JobFeeds feeds,
    ServerPaths paths,
    IOptions<AstroBenchServerOptions> options,
    ILogger<JobRunner> logger)
{
    private readonly ConcurrentDictionary<string, ActiveJob> _active = new(StringComparer.Ordinal);
    private readonly AstroBenchServerOptions _options = options.Value;

    public StartResult Start(JobConfig config, string? notes)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var row = new JobRow(id, JobStatus.Queued, config, notes, DateTimeOffset.UtcNow, null, null, null, JobProgress.Empty,
            null, null, null, null, null, 0);
        var (created, activeId, activeStatus) = store.TryCreate(row);
        if (!created)
        {
            return new StartResult(null, activeId, activeStatus);
        }
        var job = new ActiveJob(id, feeds.CreateLive(row), ownChild: true);
        _active[id] = job;
        _ = Task.Run(() => LaunchAsync(job, config, notes));
        return new StartResult(row, null, null);
    }

    /// <summary>Requests cancellation (grace 0 = kill). Null when unknown; the row with Accepted=false when not active.</summary>
    public async Task<CancelResult> CancelAsync(string id, TimeSpan grace, bool kill, bool wait)
    {
        var row = store.Get(id);
        if (row is null)
        {
            return new CancelResult(CancelState.NotFound, null, null);
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
                var reason = kill ? "killed by user" : "cancelled by user";
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
                if (job.Process is not null)
                {
                    job.Signals = Task.Run(() => SignalSequence.RunAsync(job, grace, Seconds(_options.KillVerifySeconds)));
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

    public bool IsActive(string id) => _active.ContainsKey(id);

    /// <summary>
    /// Test seam for internal faults: called with the job id before every poll of a job's monitor; an
    /// exception it throws is handled like any failure of the runner, tailer or store.
    /// </summary>
    internal Action<string>? MonitorPollHook { get; set; }

    /// <summary>Follows a job whose process survived a server restart (same pid and start time).</summary>
    internal void Reattach(JobRow row)
    {
        var job = new ActiveJob(row.Id, feeds.CreateLive(row), ownChild: false)
        {
            Process = new SpawnedProcess(row.Pid!.Value, row.Pgid ?? row.Pid!.Value, row.ProcStartTicks ?? 0),
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

    private async Task LaunchAsync(ActiveJob job, JobConfig config, string? notes)
    {
        try
        {
            lock (job.Gate)
            {
                if (job.CancelRequested || !store.TryTransition(job.Id, JobStatus.Starting))
                {
                    job.Process = null;
                }
                else
                {
                    job.Feed.SetStatus(JobStatus.Starting, null);
                }
            }
            if (job.CancelRequested)
            {
                await Settler().SettleCancelledBeforeStartAsync(job);
                return;
            }
            SpawnedProcess process;
            try
            {
                Directory.CreateDirectory(paths.LogsDir);
                Directory.CreateDirectory(paths.ResultsDir);
                File.Delete(paths.ExitRecordFile(job.Id));
                var argv = new OrchestratorCommand(_options, paths).Build(job.Id, config, notes);
                process = SessionSpawner.Spawn(argv, paths.Root, paths.StderrFile(job.Id),
                    new Dictionary<string, string> { ["ASTROBENCH_JOB_ID"] = job.Id });
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "job {Id}: start failed", job.Id);
                await File.AppendAllTextAsync(paths.LogFile(job.Id), $"Failed to start the orchestrator: {ex.Message}\n");
                await Settler().SettleStartFailureAsync(job, ex.Message);
                return;
            }
            lock (job.Gate)
            {
                // Known to the job before anything else can throw, so an internal error still kills the group.
                job.Process = process;
                store.SetProcess(job.Id, process.Pid, process.Pgid, process.StartTicks);
                if (job.CancelRequested)
                {
                    job.Signals = Task.Run(() => SignalSequence.RunAsync(job, job.Grace, Seconds(_options.KillVerifySeconds)));
                }
                else if (store.TryTransition(job.Id, JobStatus.Running, new TransitionUpdate { StartedAt = DateTimeOffset.UtcNow }))
                {
                    job.Feed.SetStatus(JobStatus.Running, null);
                }
            }
            await Monitor().RunAsync(job, JobProgress.Empty);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: runner failed", job.Id);
            await Settler().SettleInternalErrorAsync(job, ex, Seconds(_options.KillVerifySeconds));
        }
        finally
        {
            Release(job);
        }
    }

    private async Task MonitorAsync(ActiveJob job, JobProgress startProgress)
    {
        try
        {
            await Monitor().RunAsync(job, startProgress);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: monitor failed", job.Id);
            await Settler().SettleInternalErrorAsync(job, ex, Seconds(_options.KillVerifySeconds));
        }
        finally
        {
            Release(job);
        }
    }

    /// <summary>Frees the slot: the job is terminal in the store (or could not be written), so a new start may run.</summary>
    private void Release(ActiveJob job)
    {
        job.Tailer?.Dispose();
        _active.TryRemove(job.Id, out _);
    }

    private JobMonitor Monitor() => new(store, feeds, paths, _options, logger, id => MonitorPollHook?.Invoke(id));

    private JobSettler Settler() => new(store, feeds, paths, logger);

    internal static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(Math.Max(0, s));
}
