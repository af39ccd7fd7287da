namespace AstroBench.Server.Jobs;

/// <summary>Columns written together with a status change (null = leave as is).</summary>
internal sealed record TransitionUpdate
{
    public string? Reason { get; init; }

    /// <summary>The history row's reason when it says more than the job's (e.g. which cancel grace applied).</summary>
    public string? HistoryReason { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int? ExitCode { get; init; }
    public string? RunId { get; init; }
    public JobProgress? Progress { get; init; }
    public long? LogLines { get; init; }

    /// <summary>A paused run's staging folder, kept for <c>run --resume</c> (docs/pause.md).</summary>
    public string? Checkpoint { get; init; }

    public static TransitionUpdate None { get; } = new();
}
