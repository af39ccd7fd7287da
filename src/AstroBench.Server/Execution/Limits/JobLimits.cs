namespace AstroBench.Server.Execution.Limits;

/// <summary>
/// The limits a job asked for (request fields merged with <c>AstroBench:JobLimits</c> defaults; docs/limits.md).
/// Stored inside the job's config so the dispatcher launches it with them; null members mean "no limit".
/// </summary>
public sealed record JobLimits(string? CpuSet, int? Nice, int? MemoryMb, int? TimeoutS)
{
    public bool IsEmpty => CpuSet is null && Nice is null && MemoryMb is null && TimeoutS is null;
}
