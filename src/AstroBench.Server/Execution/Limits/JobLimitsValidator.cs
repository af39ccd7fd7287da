using System.Globalization;

namespace AstroBench.Server.Execution.Limits;

/// <summary>Merges a request's limits with the server defaults and checks them; every rule answers with a field message (422).</summary>
internal static class JobLimitsValidator
{
    public const int MinNice = 0;
    public const int MaxNice = 19;
    public const int MinMemoryMb = 64;
    public const int MaxMemoryMb = 1024 * 1024;
    public const int MinTimeoutS = 1;
    public const int MaxTimeoutS = 604_800;

    /// <summary>The limits the job runs with (null when none), or null with messages added through <paramref name="add"/>.</summary>
    public static JobLimits? Validate(JobLimits requested, JobLimitsOptions? defaults, Action<string, string> add, int? cores = null)
    {
        var limits = new JobLimits(
            requested.CpuSet ?? defaults?.CpuSet,
            requested.Nice ?? defaults?.Nice,
            requested.MemoryMb ?? defaults?.MemoryMb,
            requested.TimeoutS ?? defaults?.TimeoutSeconds);
        var ok = true;
        if (limits.CpuSet is { } cpus && CpuSetSpec.Check(cpus, cores ?? Environment.ProcessorCount) is { } cpuError)
        {
            add("cpu_set", cpuError);
            ok = false;
        }
        ok &= InRange(limits.Nice, MinNice, MaxNice, "nice", add);
        ok &= InRange(limits.MemoryMb, MinMemoryMb, MaxMemoryMb, "memory_mb", add);
        ok &= InRange(limits.TimeoutS, MinTimeoutS, MaxTimeoutS, "timeout_s", add);
        return ok && !limits.IsEmpty ? limits : null;
    }

    private static bool InRange(int? value, int min, int max, string field, Action<string, string> add)
    {
        if (value is { } v && (v < min || v > max))
        {
            add(field, string.Create(CultureInfo.InvariantCulture, $"{field} must be between {min} and {max}."));
            return false;
        }
        return true;
    }
}
