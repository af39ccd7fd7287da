namespace AstroBench.Server.Jobs;

/// <summary>A job's life in Slurm as last seen (column <c>slurm</c>, docs/slurm.md): its Slurm job id, node, state and reason.</summary>
public sealed record SlurmJobInfo(long JobId, string? Partition, string? Node, string? State, string? Reason);
