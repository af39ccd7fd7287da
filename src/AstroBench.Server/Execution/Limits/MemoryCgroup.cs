using System.Globalization;

namespace AstroBench.Server.Execution.Limits;

/// <summary>
/// A job's memory cgroup <c>astrobench/&lt;job_id&gt;</c>: under the v2 mount whose root offers the memory controller
/// (memory.max, memory.events), else under the v1 memory hierarchy (memory.limit_in_bytes, memory.oom_control).
/// The orchestrator is moved in right after the spawn; the adapters it forks later inherit it, and the kernel's
/// OOM killer counts its kills per cgroup, which is how a job is told apart as <c>oom</c>.
/// </summary>
internal sealed class MemoryCgroup
{
    internal const string V1Root = "/sys/fs/cgroup/memory";
    internal static readonly string[] V2Roots = ["/sys/fs/cgroup", "/sys/fs/cgroup/unified"];

    private MemoryCgroup(string path, string mechanism)
    {
        Path = path;
        Mechanism = mechanism;
    }

    public string Path { get; }

    public string Mechanism { get; }

    private bool IsV2 => Mechanism == MemoryMechanisms.CgroupV2;

    /// <summary>Creates the cgroup with its limit; null where none can be made here (no controller, not root).</summary>
    public static MemoryCgroup? TryCreate(string jobId, long limitBytes)
    {
        foreach (var (root, mechanism) in Roots())
        {
            var group = new MemoryCgroup(System.IO.Path.Combine(root, "astrobench", jobId), mechanism);
            try
            {
                if (mechanism == MemoryMechanisms.CgroupV2)
                {
                    // The parent must hand the memory controller down to its children.
                    Directory.CreateDirectory(System.IO.Path.Combine(root, "astrobench"));
                    File.AppendAllText(System.IO.Path.Combine(root, "cgroup.subtree_control"), "+memory");
                    File.AppendAllText(System.IO.Path.Combine(root, "astrobench", "cgroup.subtree_control"), "+memory");
                }
                Directory.CreateDirectory(group.Path);
                group.Write(group.IsV2 ? "memory.max" : "memory.limit_in_bytes", limitBytes);
                // No swap escape: where swap accounting exists, memory + swap get the same limit.
                group.TryWrite(group.IsV2 ? "memory.swap.max" : "memory.memsw.limit_in_bytes", group.IsV2 ? 0 : limitBytes);
                return group;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                group.Remove();
            }
        }
        return null;
    }

    /// <summary>The cgroup a job got before a server restart, if it is still there.</summary>
    public static MemoryCgroup? TryOpen(string jobId) => Roots()
        .Select(r => new MemoryCgroup(System.IO.Path.Combine(r.Root, "astrobench", jobId), r.Mechanism))
        .FirstOrDefault(g => Directory.Exists(g.Path));

    public void Add(int pid) => File.WriteAllText(System.IO.Path.Combine(Path, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));

    /// <summary>How many processes the OOM killer ended in this cgroup (0 when unreadable).</summary>
    public long OomKills()
    {
        try
        {
            var file = System.IO.Path.Combine(Path, IsV2 ? "memory.events" : "memory.oom_control");
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("oom_kill ", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["oom_kill ".Length..], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Removes the (empty) cgroup; false when it is still busy or gone wrong. A just-reaped process may hold it a moment.</summary>
    public bool Remove()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path);
                }
                return true;
            }
            catch (IOException)
            {
                Thread.Sleep(20);
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }
        return false;
    }

    private static IEnumerable<(string Root, string Mechanism)> Roots()
    {
        foreach (var root in V2Roots)
        {
            var controllers = System.IO.Path.Combine(root, "cgroup.controllers");
            if (File.Exists(controllers) && File.ReadAllText(controllers).Split(' ', '\n').Contains("memory"))
            {
                yield return (root, MemoryMechanisms.CgroupV2);
            }
        }
        if (File.Exists(System.IO.Path.Combine(V1Root, "memory.limit_in_bytes")))
        {
            yield return (V1Root, MemoryMechanisms.CgroupV1);
        }
    }

    private void Write(string file, long value) =>
        File.WriteAllText(System.IO.Path.Combine(Path, file), value.ToString(CultureInfo.InvariantCulture));

    private void TryWrite(string file, long value)
    {
        try
        {
            Write(file, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Swap accounting is optional (kernel option); the plain limit still holds.
        }
    }
}
