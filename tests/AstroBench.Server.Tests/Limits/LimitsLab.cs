using System.Globalization;
using System.Text.Json.Nodes;

namespace AstroBench.Server.Tests.Limits;

/// <summary>Job bodies with limits and /proc readings of a job's processes (docs/limits.md).</summary>
internal static class LimitsLab
{
    /// <summary>A job whose gate call for gmst_era is held until the test opens it.</summary>
    public static Dictionary<string, object?> Gate(Dictionary<string, object?>? limits = null) =>
        With(new() { ["experiments"] = new[] { "gmst_era" }, ["libraries"] = new[] { "gate" }, ["n"] = 20, ["no_perf"] = true }, limits);

    /// <summary>A quick job (libnova, n = 20).</summary>
    public static Dictionary<string, object?> Quick(Dictionary<string, object?>? limits = null) =>
        With(new() { ["experiments"] = new[] { "gmst_era" }, ["libraries"] = new[] { "libnova" }, ["n"] = 20, ["no_perf"] = true }, limits);

    /// <summary>A job whose only adapter fills 200 MB.</summary>
    public static Dictionary<string, object?> Hog(int memoryMb) =>
        With(new() { ["experiments"] = new[] { "gmst_era" }, ["libraries"] = new[] { "hog" }, ["n"] = 20, ["no_perf"] = true },
            new() { ["memory_mb"] = memoryMb });

    public static string Id(JsonNode job) => job["job_id"]!.GetValue<string>();

    public static string Str(JsonNode job, string field) => job[field]!.GetValue<string>();

    /// <summary>/proc/&lt;pid&gt;/stat field 19 (nice).</summary>
    public static int Nice(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name start at field 3; field 19 is index 16 there.
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], CultureInfo.InvariantCulture);
    }

    public static string CpusAllowed(int pid) =>
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))["Cpus_allowed_list:".Length..].Trim();

    /// <summary>The memory line of /proc/&lt;pid&gt;/cgroup (v1 "N:memory:/path", v2 "0::/path").</summary>
    public static string MemoryCgroupOf(int pid) =>
        File.ReadLines($"/proc/{pid}/cgroup").FirstOrDefault(l => l.Split(':')[1] == "memory") ?? File.ReadLines($"/proc/{pid}/cgroup").First(l => l.StartsWith("0::", StringComparison.Ordinal));

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, Dictionary<string, object?>? limits)
    {
        foreach (var (k, v) in limits ?? [])
        {
            body[k] = v;
        }
        return body;
    }
}
