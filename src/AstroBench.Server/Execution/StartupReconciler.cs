using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using AstroBench.Server.Logs;
using Microsoft.Extensions.Logging;

namespace AstroBench.Server.Execution;

/// <summary>
/// Runs once at start-up, before requests are served: every job the store says is active is either
/// reattached (its process is alive: same pid <b>and</b> start time) or settled from its exit record,
/// else marked <c>failed</c> with reason <c>lost</c>. Leftover members of a dead job's group are killed.
/// Only active jobs are touched, so start-up cost does not grow with the history.
/// </summary>
public sealed class StartupReconciler(JobStore store, JobRunner runner, ServerPaths paths, ILogger<StartupReconciler> logger)
{
    public void Reconcile()
    {
        foreach (var row in store.ListActive())
        {
            if (row.Pid is { } pid && row.ProcStartTicks is { } ticks && ProcStat.IsAlive(pid, ticks))
            {
                logger.LogInformation("job {Id}: process {Pid} still alive, reattaching", row.Id, pid);
                runner.Reattach(row);
                continue;
            }
            if (row.Pgid is { } pgid && ProcessGroup.Members(pgid).Count > 0)
            {
                ProcessGroup.Signal(pgid, LibC.SIGKILL, out _);
            }
            Settle(row);
        }
    }

    private void Settle(JobRow row)
    {
        var record = ExitRecord.TryRead(paths.ExitRecordFile(row.Id));
        var feedLines = CountLines(row);
        var now = DateTimeOffset.UtcNow;
        string to;
        TransitionUpdate update;
        if (record is { Status: "completed" })
        {
            to = JobStatus.Completed;
            update = new TransitionUpdate { FinishedAt = now, ExitCode = record.ExitCode ?? 0, RunId = record.RunId, LogLines = feedLines,
                Progress = row.Progress with { Percent = 100, ExperimentsDone = Math.Max(row.Progress.ExperimentsDone, row.Progress.ExperimentsTotal) } };
        }
        else if (row.Status == JobStatus.Cancelling || record is { Status: "cancelled" })
        {
            to = JobStatus.Cancelled;
            File.AppendAllText(paths.LogFile(row.Id), JobSettler.CancelledLine + "\n" + JobSettler.CancelledMarker + "\n");
            update = new TransitionUpdate { FinishedAt = now, ExitCode = record?.ExitCode, Reason = row.Reason ?? record?.Reason ?? "cancelled", LogLines = feedLines + 2 };
        }
        else
        {
            to = JobStatus.Failed;
            update = new TransitionUpdate { FinishedAt = now, ExitCode = record?.ExitCode, RunId = record?.RunId, LogLines = feedLines,
                Reason = record is null ? "lost" : record.Reason ?? $"exit code {record.ExitCode}" };
        }
        store.TryTransition(row.Id, to, JobStatus.Active, update);
        logger.LogInformation("job {Id}: settled as {Status} at start-up", row.Id, to);
    }

    private long CountLines(JobRow row)
    {
        var path = paths.LogFile(row.Id);
        return File.Exists(path) ? AstroBench.Core.Results.Reading.SparseLineIndex.Build(path, 1 << 20, includePartial: true).LineCount : 0;
    }
}
