namespace AstroBench.Server.Endpoints;

/// <summary>
/// GET /api/executors (docs/slurm.md): the executors a job may ask for and the lab's default; with Slurm, its partitions
/// (the testbeds jobs can be placed on) and node features. <c>slurm_error</c> says why the cluster's lists are empty.
/// </summary>
public sealed record ExecutorsDto(
    string Default,
    IReadOnlyList<string> Executors,
    bool SlurmConfigured,
    IReadOnlyList<string> Partitions,
    string? DefaultPartition,
    IReadOnlyList<string> Constraints,
    string? SlurmError);
