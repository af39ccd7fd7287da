using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// Settles a job whose process is gone (or never started): makes sure no process of its group is
/// left, reads the exit record, writes the final transition (compare-and-set), then completes the feed
/// so subscribers get the last lines and <c>done</c>.
/// </summary>
internal sealed class JobSettler(JobStore store, JobFeeds feeds, ServerPaths paths, ILogger logger)
{
    public const string CancelledLine = "Benchmark execution cancelled by user.";
    public const string CancelledMarker = "__CANCELLED__";

    /// <summary>Cancelled before any process existed.</summary>
    public async Task SettleAsync(ActiveJob job, LogTailer? _)
    {
        var parser = new ProgressParser();
        using var tailer = new LogTailer(job.Feed, parser);
        await AppendAsync(job.Id, [CancelledLine, CancelledMarker]);
        tailer.Drain();
        Finish(job, parser, JobStatus.Cancelled, [JobStatus.Cancelling, JobStatus.Queued, JobStatus.Starting],
            new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = job.CancelReason ?? "cancelled by user" });
    }

    public async Task SettleStartFailureAsync(ActiveJob job, string message)
    {
        var parser = new ProgressParser();
        using var tailer = new LogTailer(job.Feed, parser);
        tailer.Drain();
        tailer.FlushPartial();
        Finish(job, parser, JobStatus.Failed, [JobStatus.Queued, JobStatus.Starting, JobStatus.Cancelling],
            new TransitionUpdate { FinishedAt = DateTimeOffset.UtcNow, Reason = "start_failed: " + message });
        await Task.CompletedTask;
    }

    public async Task SettleAsync(ActiveJob job, LogTailer tailer, ProgressParser parser, AstroBenchServerOptions options)
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
        tailer.Drain();
        tailer.FlushPartial();
        var record = ExitRecord.TryRead(paths.ExitRecordFile(job.Id));
        var exitCode = record?.ExitCode ?? job.ReapedExitCode;
        var now = DateTimeOffset.UtcNow;

        if (record is { Status: "completed" })
        {
            Finish(job, parser, JobStatus.Completed, [JobStatus.Running, JobStatus.Cancelling, JobStatus.Starting],
                new TransitionUpdate { FinishedAt = now, ExitCode = exitCode ?? 0, RunId = record.RunId, Progress = parser.Completed() });
            return;
        }
        if (job.CancelRequested)
        {
            await AppendAsync(job.Id, [CancelledLine, CancelledMarker]);
            tailer.Drain();
            Finish(job, parser, JobStatus.Cancelled, [JobStatus.Cancelling],
                new TransitionUpdate { FinishedAt = now, ExitCode = exitCode, Reason = job.CancelReason ?? "cancelled by user" });
            return;
        }
        var stderrTail = await AppendStderrAsync(job.Id, exitCode);
        tailer.Drain();
        if (record is { Status: "cancelled" })
        {
            Finish(job, parser, JobStatus.Cancelled, [JobStatus.Running, JobStatus.Starting],
                new TransitionUpdate { FinishedAt = now, ExitCode = exitCode, Reason = record.Reason ?? $"terminated by a signal (exit code {exitCode})" });
            return;
        }
        var reason = record?.Reason
            ?? (record is null && exitCode is null ? "lost"
                : $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}" + (stderrTail is { } t ? ": " + t : ""));
        Finish(job, parser, JobStatus.Failed, [JobStatus.Running, JobStatus.Starting],
            new TransitionUpdate { FinishedAt = now, ExitCode = exitCode, RunId = record?.RunId, Reason = reason });
    }

    private void Finish(ActiveJob job, ProgressParser parser, string to, IReadOnlyCollection<string> from, TransitionUpdate update)
    {
        var lines = job.Feed.Count;
        update = update with { LogLines = lines, Progress = update.Progress ?? parser.Current };
        if (!store.TryTransition(job.Id, to, from, update))
        {
            logger.LogWarning("job {Id}: transition to {To} refused (status changed meanwhile)", job.Id, to);
        }
        store.SaveFinalCounters(job.Id, update.Progress!, lines);
        var final = store.Get(job.Id)!;
        job.Feed.Complete(final);
        feeds.Retire(job.Id);
        job.Settled.TrySetResult(final);
    }

    private async Task AppendAsync(string id, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(paths.LogsDir);
        await File.AppendAllTextAsync(paths.LogFile(id), string.Concat(lines.Select(l => l + "\n")));
    }

    /// <summary>Copies the last stderr lines of a failed orchestrator into the log; returns the last one.</summary>
    private async Task<string?> AppendStderrAsync(string id, int? exitCode)
    {
        var file = paths.StderrFile(id);
        if (exitCode is 0 || !File.Exists(file) || new FileInfo(file).Length == 0)
        {
            return null;
        }
        var tail = new Queue<string>();
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
        if (tail.Count == 0)
        {
            return null;
        }
        await AppendAsync(id, tail.Select(l => "[stderr] " + l));
        return tail.Last();
    }
}
