namespace AstroBench.Core.Running;

/// <summary>How a run ended. <see cref="RunId"/> is null when no folder was published; <see cref="Checkpoint"/> is the kept staging folder of a paused run.</summary>
public sealed record RunOutcome(
    RunStatus Status,
    string? RunId,
    string? RunPath,
    int ExperimentsDone,
    int ExperimentsTotal,
    IReadOnlyList<(string Experiment, string Reason)> Failures,
    string? Reason,
    string? Checkpoint = null);
