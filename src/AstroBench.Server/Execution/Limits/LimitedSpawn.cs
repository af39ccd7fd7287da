using System.Globalization;

namespace AstroBench.Server.Execution.Limits;

/// <summary>
/// How one job's limits are applied at its spawn (docs/limits.md). CPU set and nice go in front of the
/// orchestrator's argv as exec wrappers (<c>taskset -c … nice -n … --</c>: each execs the next, so the pid, its session
/// and start time stay the orchestrator's and the limits hold before it runs a single instruction of its own).
/// Memory: a cgroup where one can be made (<see cref="MemoryCgroup"/>). Without one, RLIMIT_AS on the adapter processes
/// only (the orchestrator applies it, <c>--adapter-memory-mb</c>; RLIMIT_AS on the .NET orchestrator itself made it fail
/// intermittently, docs/limits.md); refused only where even that cannot be applied (no prlimit).
/// </summary>
internal sealed class LimitedSpawn
{
    private LimitedSpawn(JobLimits? limits, MemoryCgroup? cgroup, IReadOnlyList<string> prefix, string? mechanism)
    {
        Limits = limits;
        Cgroup = cgroup;
        Prefix = prefix;
        AdapterMemoryMb = mechanism == MemoryMechanisms.RlimitAs ? limits?.MemoryMb : null;
        Applied = new JobLimitsDto(limits?.CpuSet, limits?.Nice, limits?.MemoryMb, limits?.TimeoutS, mechanism);
    }

    public JobLimits? Limits { get; }

    public MemoryCgroup? Cgroup { get; }

    public IReadOnlyList<string> Prefix { get; }

    /// <summary>The orchestrator's <c>--adapter-memory-mb</c> (the RLIMIT_AS fallback), null with a cgroup or without a limit.</summary>
    public int? AdapterMemoryMb { get; }

    public JobLimitsDto Applied { get; }

    /// <summary>Makes the cgroup (if any) and the wrapper argv; <paramref name="useCgroup"/> false never makes a cgroup (RLIMIT_AS then).</summary>
    public static LimitedSpawn Prepare(string jobId, JobLimits? limits, bool useCgroup = true, bool useRlimit = true)
    {
        var prefix = new List<string>();
        if (limits?.CpuSet is { } cpus)
        {
            prefix.AddRange([Tool("taskset"), "-c", cpus]);
        }
        if (limits?.Nice is { } nice)
        {
            prefix.AddRange([Tool("nice"), "-n", Inv(nice), "--"]);
        }
        MemoryCgroup? cgroup = null;
        string? mechanism = null;
        if (limits?.MemoryMb is { } mb)
        {
            cgroup = useCgroup ? MemoryCgroup.TryCreate(jobId, mb * 1024L * 1024L) : null;
            // A limit asked for and not enforceable is refused, never silently dropped (docs/limits.md).
            mechanism = cgroup?.Mechanism ?? (useRlimit && AstroBench.Core.Adapters.AddressSpaceLimit.FindPrlimit() is not null ? MemoryMechanisms.RlimitAs
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"memory_mb {mb} cannot be enforced: ") + (useCgroup
                    ? "no memory cgroup can be made on this machine (it needs root and a cgroup v1 memory or v2 memory controller)"
                    : "AstroBench:JobLimits:UseCgroup is false") + (useRlimit
                    ? " and prlimit (util-linux) is not on PATH for RLIMIT_AS"
                    : " and AstroBench:JobLimits:UseRlimit is false") + "; the job was not started"));
        }
        return new LimitedSpawn(limits, cgroup, prefix, mechanism);
    }

    public IReadOnlyList<string> Wrap(IReadOnlyList<string> argv) => [.. Prefix, .. argv];

    /// <summary>When the job is over its time (null: no timeout), counted from its start.</summary>
    public static DateTimeOffset? Deadline(JobLimits? limits, DateTimeOffset startedAt) =>
        limits?.TimeoutS is { } s ? startedAt.AddSeconds(s) : null;

    /// <summary>The absolute path of a util-linux/coreutils tool (posix_spawn needs one; no shell looks it up).</summary>
    private static string Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} was not found on PATH (it applies the job's limits)");

    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);
}
