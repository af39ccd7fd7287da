namespace AstroBench.Server.Execution.Limits;

/// <summary>
/// A job's limits as shown (JobDto <c>limits</c>) and stored (column <c>limits</c>, written at spawn):
/// what was applied and, for memory, how (<see cref="MemoryMechanisms"/>); before the spawn the requested ones with a null mechanism.
/// </summary>
public sealed record JobLimitsDto(string? CpuSet, int? Nice, int? MemoryMb, int? TimeoutS, string? MemoryMechanism)
{
    internal static JobLimitsDto Requested(JobLimits? limits) =>
        new(limits?.CpuSet, limits?.Nice, limits?.MemoryMb, limits?.TimeoutS, null);
}
