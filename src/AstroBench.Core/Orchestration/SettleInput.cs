namespace AstroBench.Core.Orchestration;

/// <summary>What a watcher knows once an orchestrator process is gone (see <see cref="SettleDecision"/>).</summary>
/// <param name="Record">The exit record, or null when none was written (or it is unreadable).</param>
/// <param name="CancelRequested">A user asked to cancel (the runner's flag; after a restart: the job was <c>cancelling</c>).</param>
/// <param name="CancelReason">The reason given with that request (e.g. <c>killed by user</c>).</param>
/// <param name="ReapedExitCode">The exit code from waitpid, when the watcher is the parent; null after a restart.</param>
/// <param name="StderrLastLine">The last non-blank line the orchestrator wrote to stderr, if any.</param>
/// <param name="StoppedBy">A limit the watcher stopped the job for (<see cref="SettleDecision.Timeout"/>), else null.</param>
/// <param name="OomKilled">The kernel's OOM killer ended a process of the job's memory cgroup.</param>
public sealed record SettleInput(
    ExitRecord? Record,
    bool CancelRequested,
    string? CancelReason,
    int? ReapedExitCode,
    string? StderrLastLine,
    string? StoppedBy = null,
    bool OomKilled = false);
