using System.Diagnostics;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// One active job's loop: tail the log into the feed, persist progress about once a second, watch the
/// process (pid + start time; waitpid when it is our child), and when it is gone hand over to
/// <see cref="JobSettler"/>. An exception leaves this loop to the runner, which settles the job as failed.
/// </summary>
internal sealed class JobMonitor(JobStore store, JobFeeds feeds, ServerPaths paths, AstroBenchServerOptions options, ILogger logger, Action<string>? onPoll = null)
{
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(1);

    public async Task RunAsync(ActiveJob job, JobProgress startProgress)
    {
        var parser = new ProgressParser(startProgress);
        var tailer = new LogTailer(job.Feed, parser);
        job.Tailer = tailer;
        var persisted = Stopwatch.StartNew();
        var interval = TimeSpan.FromMilliseconds(Math.Max(5, options.MonitorIntervalMs));
        while (true)
        {
            onPoll?.Invoke(job.Id);
            var lines = tailer.Poll();
            job.Executor!.Poll(job);
            if (!job.IsProcessAlive)
            {
                break;
            }
            StopIfOverTime(job);
            if (persisted.Elapsed >= PersistEvery && tailer.ProgressDirty)
            {
                tailer.ProgressDirty = false;
                store.SaveProgress(job.Id, parser.Current, job.Feed.Count);
                persisted.Restart();
            }
            if (lines == 0)
            {
                await Task.Delay(interval);
            }
        }
        tailer.Drain();
        await new JobSettler(store, feeds, paths, logger).SettleAsync(job, tailer, parser);
    }

    /// <summary>Over its <c>timeout_s</c>: the cancel sequence (SIGTERM → grace → SIGKILL), settled later as failed/timeout.</summary>
    private void StopIfOverTime(ActiveJob job)
    {
        if (job.Deadline is not { } deadline || DateTimeOffset.UtcNow < deadline)
        {
            return;
        }
        lock (job.Gate)
        {
            if (job.CancelRequested || !job.Started)
            {
                return;
            }
            job.CancelRequested = true;
            job.StoppedBy = Core.Orchestration.SettleDecision.Timeout;
            job.CancelReason = job.StoppedBy;
            job.Grace = JobRunner.Seconds(options.CancelGraceSeconds);
            job.BeginCancel(JobRunner.Seconds(options.KillVerifySeconds));
        }
        logger.LogWarning("job {Id}: over its timeout; stopping it", job.Id);
    }
}
