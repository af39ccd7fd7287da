namespace AstroBench.Server.Execution.Limits;

/// <summary>Server-side defaults for jobs that do not give their own limits (config <c>AstroBench:JobLimits</c>).</summary>
public sealed class JobLimitsOptions
{
    public string? CpuSet { get; set; }

    public int? Nice { get; set; }

    public int? MemoryMb { get; set; }

    public int? TimeoutSeconds { get; set; }

    /// <summary>False: never make a cgroup (for a machine whose cgroups are not the lab's to change); memory_mb is then applied as RLIMIT_AS on the adapters.</summary>
    public bool UseCgroup { get; set; } = true;

    /// <summary>False: no RLIMIT_AS fallback either; without a cgroup a job with memory_mb is then refused (docs/limits.md).</summary>
    public bool UseRlimit { get; set; } = true;
}
