using AstroBench.Core.Running;

namespace AstroBench.Core.Orchestration;

/// <summary>The final state of a job whose orchestrator is gone (see <see cref="SettleDecision"/>).</summary>
/// <param name="CancelledByUser">Cancelled because a user asked: the log gets the cancel lines and marker.</param>
/// <param name="ShowStderr">The run did not end well on its own: the stderr tail belongs in the log.</param>
/// <param name="Checkpoint">A paused run's staging folder: kept for a resume when <see cref="Status"/> is paused, to be discarded when cancelled.</param>
public sealed record SettleVerdict(
    RunStatus Status,
    string? Reason,
    int? ExitCode,
    string? RunId,
    bool CancelledByUser,
    bool ShowStderr,
    string? Checkpoint = null);
