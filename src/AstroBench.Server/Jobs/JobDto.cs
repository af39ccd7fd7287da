namespace AstroBench.Server.Jobs;

/// <summary>
/// A job as the API shows it (docs/http-api.md). The first nine members are the original lab's
/// <c>BenchmarkStatus</c>, in its order and with its names, so its clients keep working; AstroBench's
/// own members follow them and never replace them.
/// </summary>
public sealed record JobDto(
    string JobId,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? RunId,
    JobConfigDto Config,
    string? CurrentExperiment,
    string? CurrentStep,
    double ProgressPct,
    DateTimeOffset CreatedAt,
    string? Notes,
    JobProgress Progress,
    int? ExitCode,
    string? Reason,
    long LogLines,
    int Priority = 0,
    string? ConcurrencyKey = null,
    string ResourceClass = Queue.ResourceClass.Timing,
    int? QueuePosition = null,
    DateTimeOffset? EstimatedStartAt = null,
    string? Checkpoint = null,
    string? PauseRequested = null,
    bool Preempt = false,
    string? PreemptMode = null,
    string? PreemptedBy = null,
    Execution.Limits.JobLimitsDto? Limits = null,
    string Executor = JobPlacement.Local,
    string? Partition = null,
    string? Constraint = null,
    long? SlurmJobId = null,
    string? SlurmNode = null,
    string? SlurmState = null,
    string? SlurmReason = null)
{
    /// <summary>The job as shown; <paramref name="queue"/> is its place when it is queued (docs/queue.md).</summary>
    internal static JobDto From(JobRow row, Logs.LogFeed? live = null, Queue.QueueEntry? queue = null)
    {
        var progress = live?.Progress ?? row.Progress;
        return new(row.Id, row.Status, row.StartedAt, row.FinishedAt, row.RunId, JobConfigDto.From(row.Config, row.Notes),
            progress.CurrentExperiment, progress.CurrentStep, progress.Percent,
            row.CreatedAt, row.Notes, progress, row.ExitCode, row.Reason, live?.Count ?? row.LogLines,
            row.Priority, row.ConcurrencyKey, Queue.ResourceClass.Of(row.Config), queue?.Position, queue?.EstimatedStartAt,
            // A pause request is news only while the run works towards it (docs/pause.md).
            row.Checkpoint, row.Status == JobStatus.Running ? row.PauseRequested : null,
            row.Preempt is not null, row.Preempt, row.PreemptedBy,
            row.Limits ?? Execution.Limits.JobLimitsDto.Requested(row.Config.Limits),
            // Where it runs (docs/slurm.md): a job stored before executors existed ran locally.
            row.Slurm is not null ? JobPlacement.Slurm : row.Config.Placement?.Executor ?? JobPlacement.Local,
            row.Slurm?.Partition ?? row.Config.Placement?.Partition, row.Config.Placement?.Constraint,
            row.Slurm?.JobId, row.Slurm?.Node, row.Slurm?.State, row.Slurm?.Reason);
    }
}

/// <summary>
/// A job's configuration as shown: the original lab's <c>BenchmarkRequest</c> (experiments, n, seed,
/// no_perf, perf_rounds, ci_mode, notes — notes is <c>""</c> when none, as there) plus <c>libraries</c>.
/// </summary>
public sealed record JobConfigDto(
    IReadOnlyList<string> Experiments,
    int N,
    int Seed,
    bool NoPerf,
    int PerfRounds,
    bool CiMode,
    string Notes,
    IReadOnlyList<string>? Libraries)
{
    internal static JobConfigDto From(JobConfig c, string? notes) =>
        new(c.Experiments, c.N, c.Seed, c.NoPerf, c.PerfRounds, c.CiMode, notes ?? "", c.Libraries);
}

public sealed record JobHistoryItemDto(string? From, string To, DateTimeOffset At, string? Reason);

/// <summary>A page of a job's log; <c>log_removed</c> is true when retention removed the log file (the job stays).</summary>
public sealed record LogPageDto(IReadOnlyList<string> Lines, long From, long Next, long Total, bool LogRemoved = false);
