namespace AstroBench.Server.Jobs;

/// <summary>A job as the API shows it (docs/http-api.md).</summary>
public sealed record JobDto(
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
    long LogLines)
{
    public static JobDto From(JobRow row, Logs.LogFeed? live = null) => new(
        row.Id, row.Status, row.Config, row.Notes, row.CreatedAt, row.StartedAt, row.FinishedAt, row.RunId,
        live?.Progress ?? row.Progress, row.ExitCode, row.Reason, live?.Count ?? row.LogLines);
}

public sealed record JobListDto(IReadOnlyList<JobDto> Jobs, long Total, int Limit, int Offset);

public sealed record JobHistoryItemDto(string? From, string To, DateTimeOffset At, string? Reason);

public sealed record LogPageDto(IReadOnlyList<string> Lines, long From, long Next, long Total);
