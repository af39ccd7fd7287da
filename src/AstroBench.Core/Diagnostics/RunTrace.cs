using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Core.Diagnostics;

/// <summary>
/// Where a command's wall time goes (docs/engine.md, "Start-up and memory"). With <c>ASTROBENCH_TRACE=1</c> every
/// <see cref="Mark"/> prints one line to stderr: <c>trace &lt;ms since the process started&gt; &lt;ms since the previous
/// mark&gt; &lt;what&gt;</c>. Off by default, and it never writes to a run folder, so it changes no output byte.
/// </summary>
public static class RunTrace
{
    public const string Variable = "ASTROBENCH_TRACE";

    private static readonly bool On = Environment.GetEnvironmentVariable(Variable) is "1" or MemoryValue;

    // ASTROBENCH_TRACE=mem: every line also says what the process holds (docs/engine.md, "Shards" → memory).
    private const string MemoryValue = "mem";
    private static readonly bool Memory = Environment.GetEnvironmentVariable(Variable) == MemoryValue;

    // The process's own start (exec), so runtime start-up before Main counts too.
    private static readonly DateTime Started = On ? Process.GetCurrentProcess().StartTime.ToUniversalTime() : default;
    private static long _previousTicks = On ? Started.Ticks : 0;

    public static bool Enabled => On;

    public static void Mark(string what)
    {
        if (!On)
        {
            return;
        }
        var now = DateTime.UtcNow.Ticks;
        var previous = Interlocked.Exchange(ref _previousTicks, now);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace {(now - Started.Ticks) / 1e4,8:0.0} {(now - previous) / 1e4,7:0.0} {what}{(Memory ? MemoryNote() : "")}"));
    }

    /// <summary>MB: the resident set, the GC heap after the last collection and what the GC has committed, and the collections so far.</summary>
    private static string MemoryNote()
    {
        var info = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $" | rss {Environment.WorkingSet / 1048576.0:0.0} heap {info.HeapSizeBytes / 1048576.0:0.0} frag {info.FragmentedBytes / 1048576.0:0.0} committed {info.TotalCommittedBytes / 1048576.0:0.0} live-now {GC.GetTotalMemory(false) / 1048576.0:0.0} alloc {GC.GetTotalAllocatedBytes(false) / 1048576.0:0.0} gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }
}
