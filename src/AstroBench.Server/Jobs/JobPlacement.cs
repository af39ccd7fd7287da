namespace AstroBench.Server.Jobs;

/// <summary>Where a job runs (docs/slurm.md): executor <c>local</c> or <c>slurm</c>, and for Slurm its partition and node constraint.</summary>
public sealed record JobPlacement(string Executor, string? Partition = null, string? Constraint = null)
{
    public const string Local = "local";
    public const string Slurm = "slurm";

    public bool IsSlurm => Executor == Slurm;
}
