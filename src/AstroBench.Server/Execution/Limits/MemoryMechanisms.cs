namespace AstroBench.Server.Execution.Limits;

/// <summary>How a job's memory limit was enforced (JobDto <c>limits.memory_mechanism</c>).</summary>
public static class MemoryMechanisms
{
    public const string CgroupV1 = "cgroup-v1";
    public const string CgroupV2 = "cgroup-v2";

    /// <summary>No cgroup: RLIMIT_AS on every adapter process, set by the orchestrator (docs/limits.md).</summary>
    public const string RlimitAs = "rlimit_as";
}
