using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary>
/// The orchestrator's last word (<c>--exit-record</c>, docs/cli.md): how the run ended, its exit code,
/// the published run (null when none), why it did not complete, who wrote it and when, and the checkpoint
/// (the kept staging folder) of a paused run.
/// Written and read by <see cref="ExitRecordFile"/> only.
/// </summary>
/// <remarks>
/// <see cref="ExitCode"/>, <see cref="Pid"/> and <see cref="FinishedAt"/> are always written; they are
/// nullable because the reader keeps a record whose optional fields are missing or malformed.
/// </remarks>
public sealed record ExitRecord(
    RunStatus Status,
    int? ExitCode,
    string? RunId,
    string? RunPath,
    string? Reason,
    int? Pid,
    DateTimeOffset? FinishedAt,
    string? Checkpoint = null);
