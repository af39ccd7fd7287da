using System.Text.Json.Nodes;

namespace AstroBench.Server.Storage;

/// <summary><c>GET/PUT /api/retention</c>: the rules in force, where they come from, and the resolved archive folder.</summary>
public sealed record RetentionSettingsDto(JsonObject Rules, string Source, double SweepIntervalMinutes, string ArchivePath);

/// <summary>One run a preview would remove.</summary>
public sealed record RetentionRunItemDto(string RunId, long Bytes, string Rule);

/// <summary>Job logs retention removes (or would): the jobs whose log files go, and their bytes.</summary>
public sealed record RetentionLogsDto(int Count, long Bytes, IReadOnlyList<string> JobIds);

/// <summary>Job records (with their history and log files) retention removes (or would).</summary>
public sealed record RetentionJobsDto(int Count, long Bytes, IReadOnlyList<string> JobIds);

/// <summary><c>GET /api/retention/preview</c>.</summary>
public sealed record RetentionPreviewDto(IReadOnlyList<RetentionRunItemDto> Runs, long BytesFreed, int RunsKept, long BytesKept,
    bool SizeLimitMet, RetentionLogsDto Logs, RetentionJobsDto Jobs, IReadOnlyList<string> Protected);

/// <summary>One run a sweep handled: <c>outcome</c> removed | skipped | failed.</summary>
public sealed record RetentionSweepRunDto(string RunId, long Bytes, string Rule, string Outcome, string? ArchivePath, string? Error);

/// <summary><c>POST /api/retention/sweep</c>.</summary>
public sealed record RetentionSweepDto(IReadOnlyList<RetentionSweepRunDto> Runs, long BytesFreed, int TrashFinished,
    RetentionLogsDto Logs, RetentionJobsDto Jobs);

/// <summary><c>POST /api/runs/{id}/pin|unpin</c>.</summary>
public sealed record RunPinDto(string RunId, bool Pinned);
