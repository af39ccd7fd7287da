namespace AstroBench.Server.Execution.Slurm;

/// <summary>
/// One job handed to Slurm: the orchestrator's argument list, where its stderr goes, and how it is placed.
/// <see cref="Exclusive"/> for timing jobs (no other job beside them on the node).
/// </summary>
internal sealed record SubmitRequest(
    string JobId,
    IReadOnlyList<string> Command,
    string WorkDir,
    string StderrFile,
    bool Exclusive,
    string? Partition,
    string? Constraint);
