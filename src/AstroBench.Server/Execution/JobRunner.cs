using System.Collections.Concurrent;
using System.Globalization;
using AstroBench.Core.Running;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Execution;

/// <summary>
/// Launches the jobs the dispatcher claims (<see cref="TryLaunch"/>), cancels, pauses and follows them. A job's process is <c>astrobench run</c>,
/// started by its <see cref="IJobExecutor"/> (on this machine in its own session, or as a Slurm batch job); it writes its log and exit record
/// itself, so the server can die and come back. One <see cref="JobMonitor"/> per active job tails the log, watches the process and settles the job.
/// </summary>
internal sealed partial class JobRunner(
    JobStore store,
    JobFeeds feeds,
    ServerPaths paths,
    IOptions<AstroBenchServerOptions> options,
    Queue.DispatchSignal dispatch,
    Slurm.SlurmClient slurm,
    ILogger<JobRunner> logger)
{
    private readonly ConcurrentDictionary<string, ActiveJob> _active = new(StringComparer.Ordinal);
    private readonly AstroBenchServerOptions _options = options.Value;
    private readonly LocalExecutor _local = new(store, paths, options.Value, logger);
    private readonly Slurm.SlurmExecutor _slurm = new(store, paths, options.Value, slurm, logger);

    /// <summary>The job goes (or went) to Slurm: it was submitted, or its placement or the lab's executor says so.</summary>
    internal bool IsSlurm(JobRow row) => row.Slurm is not null || (row.Config.Placement?.Executor ?? _options.Executor) == JobPlacement.Slurm;

    private IJobExecutor ExecutorFor(JobRow row) => IsSlurm(row) ? _slurm : _local;

    /// <summary>
    /// Claims a queued job (compare-and-set queued → starting) and spawns its process. False when the claim
    /// lost (the job was cancelled, superseded or claimed meanwhile): the job is then left as it is.
    /// </summary>
    public bool TryLaunch(JobRow queued) => TryClaim(queued, job => LaunchAsync(job, queued));

    /// <summary>
    /// Claims a queued job like <see cref="TryLaunch"/> but never spawns it: it ends <c>failed</c> with
    /// <paramref name="reason"/> and <paramref name="line"/> in its log (e.g. refused at dispatch for disk space).
    /// </summary>
    public bool TryRefuse(JobRow queued, string reason, string line) => TryClaim(queued, async job =>
    {
        try
        {
            if (job.CancelRequested)
            {
                await Settler().SettleCancelledBeforeStartAsync(job);
                return;
            }
            await JobSettler.AppendAsync(paths, job.Id, [line]);
            await Settler().SettleRefusedAsync(job, reason);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: refusing it failed", job.Id);
            await Settler().SettleInternalErrorAsync(job, ex, Seconds(_options.KillVerifySeconds));
        }
        finally
        {
            Release(job);
        }
    });

    private bool TryClaim(JobRow queued, Func<ActiveJob, Task> then)
    {
        var job = new ActiveJob(queued.Id, feeds.GetOrCreateLive(queued), ownChild: true) { Executor = ExecutorFor(queued) };
        // Registered before the claim, so a cancel arriving in between finds the job and the claim sees CancelRequested.
        if (!_active.TryAdd(queued.Id, job))
        {
            return false;
        }
        bool claimed;
        lock (job.Gate)
        {
            claimed = !job.CancelRequested && store.TryTransition(job.Id, JobStatus.Starting, [JobStatus.Queued]);
            if (claimed)
            {
                job.Feed.SetStatus(JobStatus.Starting, null);
            }
        }
        if (claimed || job.CancelRequested)
        {
            _ = Task.Run(() => then(job));
            return claimed;
        }
        _active.TryRemove(job.Id, out _);
        if (store.Get(job.Id) is { } now)
        {
            feeds.CompleteIfLive(now);
        }
        return false;
    }

    public bool IsActive(string id) => _active.ContainsKey(id);

    /// <summary>
    /// Test seam for internal faults: called with the job id before every poll of a job's monitor; an
    /// exception it throws is handled like any failure of the runner, tailer or store.
    /// </summary>
    internal Action<string>? MonitorPollHook { get; set; }

    /// <summary>
    /// Follows again a job whose process survived a server restart (a local one: same pid and start time; a Slurm one: by its Slurm
    /// job id, whatever state it reached meanwhile). False when nothing of it is left to follow: the reconciler settles it.
    /// </summary>
    internal bool TryReattach(JobRow row)
    {
        var executor = ExecutorFor(row);
        if (!executor.CanReattach(row))
        {
            return false;
        }
        var job = new ActiveJob(row.Id, feeds.CreateLive(row), ownChild: false)
        {
            Executor = executor,
            Deadline = row.StartedAt is { } started ? Limits.LimitedSpawn.Deadline(row.Config.Limits, started) : null,
        };
        executor.Reattach(job, row);
        if (row.Status == JobStatus.Cancelling)
        {
            job.CancelRequested = true;
            job.CancelReason = row.Reason ?? "cancelled by user";
            job.Grace = CancelGrace.Effective(Seconds(_options.CancelGraceSeconds), row.Progress.CurrentExperiment);
            job.BeginCancel(Seconds(_options.KillVerifySeconds));
        }
        _active[row.Id] = job;
        _ = Task.Run(() => MonitorAsync(job, row.Progress));
        return true;
    }

    private async Task LaunchAsync(ActiveJob job, JobRow queued)
    {
        try
        {
            if (job.CancelRequested)
            {
                await Settler().SettleCancelledBeforeStartAsync(job);
                return;
            }
            if (await job.Executor!.StartAsync(job, queued) is { } failure)
            {
                await Settler().SettleStartFailureAsync(job, failure);
                return;
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

    /// <summary>Frees the slot: the job is terminal in the store (or could not be written); the dispatcher looks again.</summary>
    private void Release(ActiveJob job)
    {
        job.Tailer?.Dispose();
        _active.TryRemove(job.Id, out _);
        dispatch.Set();
    }

    private JobMonitor Monitor() => new(store, feeds, paths, _options, logger, id => MonitorPollHook?.Invoke(id));

    private JobSettler Settler() => new(store, feeds, paths, logger);

    internal static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(Math.Max(0, s));
}
