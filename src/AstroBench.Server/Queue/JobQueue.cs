using System.Security.Cryptography;
using AstroBench.Server.Execution;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Queue;

/// <summary>
/// Puts jobs in the queue: the seed's start (only when the machine is idle, atomically) and the enqueue with
/// priority and concurrency key; changes priorities. Starting them is the <see cref="Dispatcher"/>'s job.
/// </summary>
internal sealed class JobQueue(JobStore store, JobRunner runner, JobFeeds feeds, DispatchSignal signal,
    IOptions<AstroBenchServerOptions> options, ILogger<JobQueue> log)
{
    /// <summary>POST /api/benchmark/start: enqueues only if no job is busy (<see cref="JobStatus.Busy"/>), in one transaction.</summary>
    public StartResult StartIfIdle(JobConfig config, string? notes)
    {
        var row = NewRow(config, notes, 0, null);
        var (created, activeId, activeStatus) = store.TryCreate(row);
        if (!created)
        {
            return new StartResult(null, activeId, activeStatus);
        }
        signal.Set();
        return new StartResult(row, null, null);
    }

    /// <summary>
    /// POST /api/benchmark/jobs. The key's older pending job is superseded in the enqueue transaction; with
    /// <paramref name="cancelInProgress"/> the key's running job is cancelled too (reason <c>superseded</c>).
    /// </summary>
    /// <param name="preempt">The pause mode the job preempts a running timing job with (docs/pause.md), null when it does not.</param>
    public JobRow Enqueue(JobConfig config, string? notes, int priority, string? key, bool cancelInProgress, string? preempt = null)
    {
        var row = NewRow(config, notes, priority, key) with { Preempt = preempt };
        var (superseded, holding) = store.Enqueue(row);
        foreach (var id in superseded)
        {
            if (store.Get(id) is { } old)
            {
                feeds.CompleteIfLive(old);
            }
        }
        if (cancelInProgress && holding is not null)
        {
            var grace = JobRunner.Seconds(options.Value.CancelGraceSeconds);
            _ = runner.CancelAsync(holding, grace, kill: false, wait: false, why: JobStore.SupersededReason).ContinueWith(
                t => log.LogError(t.Exception, "job {Id}: cancel-in-progress for job {New} failed", holding, row.Id),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        signal.Set();
        return row;
    }

    /// <summary>Null: no such job; false: not queued (any more); true: changed.</summary>
    public bool? SetPriority(string id, int priority)
    {
        if (store.Get(id) is null)
        {
            return null;
        }
        var changed = store.TrySetPriority(id, priority);
        if (changed)
        {
            signal.Set();
        }
        return changed;
    }

    private static JobRow NewRow(JobConfig config, string? notes, int priority, string? key) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), JobStatus.Queued, config, notes, DateTimeOffset.UtcNow,
            null, null, null, JobProgress.Empty, null, null, null, null, null, 0, priority, key);
}
