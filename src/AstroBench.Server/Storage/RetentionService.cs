using AstroBench.Core.Results.Reading;
using AstroBench.Core.Retention;
using AstroBench.Core.Storage;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Storage;

/// <summary>
/// Preview and sweep for the server: runs through the Core <see cref="RetentionSweep"/> (the CLI's too), then job
/// records and job logs by their own ages. Sweeps in this process queue on one gate (the periodic loop and the
/// API never race); another process's sweep (the CLI's <c>gc</c>) holds the <see cref="SweepLock"/>, and then
/// <see cref="Sweep"/> answers null.
/// </summary>
internal sealed class RetentionService(ServerPaths paths, RetentionRulesStore rulesStore, RetentionProtection protection, JobStore store,
    RunFolderReader reader, RunSizeCache sizes, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Action<string>? _hold = RetentionHold.FromEnvironment();

    private RetentionSweep Runs => new(paths.ResultsDir, sizes);

    public RetentionPreviewDto Preview()
    {
        var rules = rulesStore.Rules;
        var now = time.GetUtcNow();
        var protectedIds = protection.ProtectedIds();
        var plan = RetentionPlanner.Plan(RunInventory.List(paths.ResultsDir, sizes), protectedIds, rules, now);
        var (jobs, logs) = JobsAndLogs(rules, now);
        return new RetentionPreviewDto(plan.Remove.Select(r => new RetentionRunItemDto(r.RunId, r.Bytes, r.Rule)).ToList(),
            plan.BytesFreed, plan.RunsKept, plan.BytesKept, plan.SizeLimitMet,
            LogsDto(logs), JobsDto(jobs), protectedIds.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>One full sweep; null when another process is sweeping the same results folder.</summary>
    public async Task<RetentionSweepDto?> SweepAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await Task.Run(Sweep, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private RetentionSweepDto? Sweep()
    {
        var rules = rulesStore.Rules;
        var now = time.GetUtcNow();
        var report = Runs.TryRun(rules, protection, now, _hold);
        if (report is null)
        {
            return null;
        }
        if (report.Removed.Any() || report.TrashFinished > 0)
        {
            reader.Refresh();
        }
        var (jobs, logs) = JobsAndLogs(rules, now);
        var jobsDto = JobsDto(jobs);
        var logsDto = LogsDto(logs);
        // Files first, rows second: a crash in between leaves job rows without logs (what log retention does anyway),
        // never log files that no row leads to.
        foreach (var job in jobs)
        {
            DeleteFiles(job.Id, withExitRecord: true);
        }
        var deleted = rules.JobsMaxAgeDays is { } jd ? store.DeleteFinishedBefore(now - TimeSpan.FromDays(jd)) : [];
        foreach (var job in logs)
        {
            DeleteFiles(job.Id, withExitRecord: false);
        }
        return new RetentionSweepDto(
            report.Results.Select(r => new RetentionSweepRunDto(r.Removal.RunId, r.Removal.Bytes, r.Removal.Rule, r.Outcome, r.ArchivePath, r.Error)).ToList(),
            report.BytesFreed, report.TrashFinished, logsDto, jobsDto with { Count = deleted.Count, JobIds = deleted });
    }

    /// <summary>Jobs whose records go (job retention), and other jobs whose logs go (log retention; only those with a log left).</summary>
    private (IReadOnlyList<JobRow> Jobs, IReadOnlyList<JobRow> Logs) JobsAndLogs(RetentionRules rules, DateTimeOffset now)
    {
        var jobs = rules.JobsMaxAgeDays is { } jd ? store.ListFinishedBefore(now - TimeSpan.FromDays(jd)) : [];
        var gone = jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        var logs = rules.LogsMaxAgeDays is { } ld
            ? store.ListFinishedBefore(now - TimeSpan.FromDays(ld)).Where(j => !gone.Contains(j.Id) && LogFiles(j.Id, false).Any(File.Exists)).ToList()
            : [];
        return (jobs, logs);
    }

    private RetentionLogsDto LogsDto(IReadOnlyList<JobRow> logs) =>
        new(logs.Count, logs.Sum(j => LogBytes(j.Id, withExitRecord: false)), logs.Select(j => j.Id).ToList());

    private RetentionJobsDto JobsDto(IReadOnlyList<JobRow> jobs) =>
        new(jobs.Count, jobs.Sum(j => LogBytes(j.Id, withExitRecord: true)), jobs.Select(j => j.Id).ToList());

    private IEnumerable<string> LogFiles(string jobId, bool withExitRecord) => withExitRecord
        ? [paths.LogFile(jobId), paths.StderrFile(jobId), paths.ExitRecordFile(jobId)]
        : [paths.LogFile(jobId), paths.StderrFile(jobId)];

    private long LogBytes(string jobId, bool withExitRecord) =>
        LogFiles(jobId, withExitRecord).Where(File.Exists).Sum(f => new FileInfo(f).Length);

    private void DeleteFiles(string jobId, bool withExitRecord)
    {
        foreach (var file in LogFiles(jobId, withExitRecord))
        {
            File.Delete(file);
        }
    }
}
