namespace AstroBench.Server.Jobs;

/// <summary>A job as stored (one row of <c>jobs</c>). Process identity: pid, pgid and the start time in clock ticks (/proc/pid/stat field 22).
/// Priority and concurrency key are the queue's (docs/queue.md); checkpoint and pause request are pause's (docs/pause.md);
/// limits are those applied at spawn (docs/limits.md); slurm is the Slurm executor's (docs/slurm.md).</summary>
internal sealed record JobRow(
    string Id,
    string Status,
    JobConfig Config,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? RunId,
    JobProgress Progress,
    int? ExitCode,
    string? Reason,
    int? Pid,
    int? Pgid,
    long? ProcStartTicks,
    long LogLines,
    int Priority = 0,
    string? ConcurrencyKey = null,
    string? Checkpoint = null,
    string? PauseRequested = null,
    string? Preempt = null,
    string? PreemptedBy = null,
    Execution.Limits.JobLimitsDto? Limits = null,
    SlurmJobInfo? Slurm = null);
