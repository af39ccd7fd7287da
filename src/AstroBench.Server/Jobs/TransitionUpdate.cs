namespace AstroBench.Server.Jobs;

/// <summary>Columns written together with a status change (null = leave as is).</summary>
internal sealed record TransitionUpdate
{
    public string? Reason { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int? ExitCode { get; init; }
    public string? RunId { get; init; }
    public JobProgress? Progress { get; init; }
    public long? LogLines { get; init; }

    public static TransitionUpdate None { get; } = new();
}
