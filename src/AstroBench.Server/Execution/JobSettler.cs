using AstroBench.Core.Orchestration;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// Settles a job whose process is gone (or never started): makes sure no process of its group is
/// left, reads the exit record, lets <see cref="SettleDecision"/> name the final state (the same rule the
/// start-up reconciler uses), writes it (compare-and-set), then completes the feed so subscribers get
/// the last lines and <c>done</c>.
/// </summary>
internal sealed class JobSettler(JobStore store, JobFeeds feeds, ServerPaths paths, ILogger logger)
{
    public const string CancelledLine = "Benchmark execution cancelled by user.";
    public const string CancelledMarker = "__CANCELLED__";
    public const string StartFailedPrefix = "start_failed: ";
    public const string InternalErrorPrefix = "internal_error: ";

    /// <summary>Cancelled before any process existed.</summary>
    public async Task SettleCancelledBeforeStartAsync(ActiveJob job)
    {
        var parser = new ProgressParser();
        using var tailer = new LogTailer(job.Feed, parser);
        await AppendAsync(paths, job.Id, [CancelledLine, CancelledMarker]);
        tailer.Drain();
        Finish(job, parser, JobStatus.Cancelled,
            new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = job.CancelReason ?? SettleDecision.CancelledByUser });
    }

    /// <summary>Refused before any process existed (claimed, then not started): failed with <paramref name="reason"/>.</summary>
    public Task SettleRefusedAsync(ActiveJob job, string reason)
    {
        var parser = new ProgressParser();
        using var tailer = new LogTailer(job.Feed, parser);
        tailer.Drain();
        tailer.FlushPartial();
        Finish(job, parser, JobStatus.Failed, new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = reason });
        return Task.CompletedTask;
    }

    public async Task SettleStartFailureAsync(ActiveJob job, string message)
    {
        var parser = new ProgressParser();
        using var tailer = new LogTailer(job.Feed, parser);
        tailer.Drain();
        tailer.FlushPartial();
        Finish(job, parser, JobStatus.Failed, new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = StartFailedPrefix + message });
        await Task.CompletedTask;
    }

    /// <summary>
    /// Ends a job the server itself broke on (runner, tailer or store threw): kills its group if a
    /// process exists, marks it failed with <c>internal_error: …</c> and completes its feed. Never throws.
    /// </summary>
    public async Task SettleInternalErrorAsync(ActiveJob job, Exception error, TimeSpan killVerify)
    {
        try
        {
            if (job is { Started: true, Executor: { } executor })
            {
                await executor.KillAsync(job, killVerify);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: killing the group after an internal error failed", job.Id);
        }
        try
        {
            var reason = InternalErrorPrefix + error.Message;
            DrainQuietly(job);
            await AppendAsync(paths, job.Id, ["error: " + reason]);
            DrainQuietly(job);
            var update = new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, ExitCode = job.ReapedExitCode, Reason = reason, Progress = job.Feed.Progress };
            Finish(job, null, JobStatus.Failed, update);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "job {Id}: could not record the internal error", job.Id);
            job.Settled.TrySetException(ex);
        }
    }

    /// <summary>Hands the lines written so far to the feed, unless the tailer is what broke.</summary>
    private void DrainQuietly(ActiveJob job)
    {
        try
        {
            job.Tailer?.Drain();
            job.Tailer?.FlushPartial();
        }
        catch (Exception ex)
        {
            logger.LogWarning("job {Id}: log not drained after an internal error: {Message}", job.Id, ex.Message);
        }
    }

    public async Task SettleAsync(ActiveJob job, LogTailer tailer, ProgressParser parser)
    {
        var end = await job.Executor!.SettleAsync(job);
        await SettleExitedAsync(job, tailer, parser, end.StoppedBy, end.OomKilled);
    }

    /// <summary>The process (or Slurm job) is gone and nothing of it is left: the exit record and what the watcher knows decide.</summary>
    private async Task SettleExitedAsync(ActiveJob job, LogTailer tailer, ProgressParser parser, string? stoppedBy, bool oomKilled)
    {
        tailer.Drain();
        tailer.FlushPartial();
        var stderr = ReadStderrTail(paths, job.Id);
        var verdict = SettleDecision.Decide(new SettleInput(ExitRecordFile.TryRead(paths.ExitRecordFile(job.Id)), job.CancelRequested,
            job.CancelReason, job.ReapedExitCode, stderr.Count > 0 ? stderr[^1] : null, stoppedBy, oomKilled));
        await AppendOutcomeLinesAsync(paths, job.Id, verdict, stderr);
        tailer.Drain();
        DiscardCancelledCheckpoint(job.Id, verdict);
        var update = new TransitionUpdate
        {
            FinishedAt = verdict.Status == Core.Running.RunStatus.Paused ? null : DateTimeOffset.UtcNow,
            ExitCode = verdict.ExitCode,
            RunId = verdict.RunId,
            Reason = verdict.Reason,
            Progress = verdict.Status == Core.Running.RunStatus.Completed ? parser.Completed() : null,
            Checkpoint = verdict.Checkpoint,
        };
        Finish(job, parser, PausedJobs.StateOf(verdict, store.Get(job.Id)), update);
    }

    /// <summary>A run that paused although a cancel was asked for ends cancelled: its checkpoint goes, nothing is published.</summary>
    internal void DiscardCancelledCheckpoint(string id, SettleVerdict verdict)
    {
        if (verdict is { Status: Core.Running.RunStatus.Cancelled, Checkpoint: { } checkpoint })
        {
            PausedJobs.Discard(checkpoint, id, logger);
        }
    }

    /// <summary>The log lines a verdict adds: the cancel line and marker, or the orchestrator's last stderr lines.</summary>
    internal static async Task AppendOutcomeLinesAsync(ServerPaths paths, string id, SettleVerdict verdict, IReadOnlyList<string> stderr)
    {
        if (verdict.CancelledByUser)
        {
            await AppendAsync(paths, id, [CancelledLine, CancelledMarker]);
        }
        else if (verdict.ShowStderr && stderr.Count > 0)
        {
            await AppendAsync(paths, id, stderr.Select(l => "[stderr] " + l));
        }
    }

    /// <summary>The last (up to 20) non-blank lines of the orchestrator's stderr, each clipped to 500 characters.</summary>
    internal static IReadOnlyList<string> ReadStderrTail(ServerPaths paths, string id)
    {
        var file = paths.StderrFile(id);
        var tail = new Queue<string>();
        try
        {
            if (!File.Exists(file))
            {
                return [];
            }
            foreach (var line in File.ReadLines(file))
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }
                tail.Enqueue(line.Length > 500 ? line[..500] : line);
                if (tail.Count > 20)
                {
                    tail.Dequeue();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [.. tail];
        }
        return [.. tail];
    }

    private void Finish(ActiveJob job, ProgressParser? parser, string to, TransitionUpdate update)
    {
        // A terminal job holds no cgroup (its OOM count was read above); every settle path ends here.
        if (job.Cgroup?.Remove() == false)
        {
            logger.LogWarning("job {Id}: its cgroup {Path} could not be removed yet", job.Id, job.Cgroup.Path);
        }
        var lines = job.Feed.Count;
        update = update with { LogLines = lines, Progress = update.Progress ?? parser?.Current ?? job.Feed.Progress };
        if (!store.TryTransition(job.Id, to, update))
        {
            logger.LogWarning("job {Id}: transition to {To} refused (status changed meanwhile)", job.Id, to);
        }
        store.SaveFinalCounters(job.Id, update.Progress!, lines);
        var final = store.Get(job.Id)!;
        job.Feed.Complete(final);
        feeds.Retire(job.Id);
        job.Settled.TrySetResult(final);
    }

    internal static async Task AppendAsync(ServerPaths paths, string id, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(paths.LogsDir);
        await File.AppendAllTextAsync(paths.LogFile(id), string.Concat(lines.Select(l => l + "\n")));
    }
}
