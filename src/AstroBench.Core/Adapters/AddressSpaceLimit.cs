using System.Diagnostics;
using System.Globalization;

namespace AstroBench.Core.Adapters;

/// <summary>
/// RLIMIT_AS for every adapter process of a run (<c>astrobench run --adapter-memory-mb</c>; docs/limits.md), the server's
/// memory limit where no memory cgroup can be made. The limit is set by util-linux <c>prlimit --as=BYTES --</c>, which
/// sets it on itself and execs the adapter (so the adapter's pid and its kill are unchanged; .NET's Process has no
/// pre-exec hook). RLIMIT_AS caps address space, not resident memory, so runtimes that reserve large ranges up front
/// are told to size themselves to the limit (measured on this lab's adapters, docs/limits.md):
/// <list type="bullet">
/// <item><c>csharp</c>: the GC's region range and hard heap limit are a quarter of the limit and glibc keeps one malloc
/// arena (each thread's arena otherwise reserves 64 MiB); the runtime's other reservations scale with the limit itself.
/// .NET needs at least 192 MiB this way.</item>
/// <item><c>javascript</c> (node): V8 reserves a 512 MiB code range before it runs any code, so the address space gets
/// <see cref="V8Reservations"/> on top; the JS heap itself is capped at the limit with <c>--max-old-space-size</c>.</item>
/// <item>everything else (C, Python, shell): the plain limit.</item>
/// </list>
/// </summary>
public sealed record AddressSpaceLimit(int MemoryMb)
{
    /// <summary>What node's V8 reserves up front (code range 512 MiB with its alignment slack, plus its first heap pages); measured.</summary>
    public const int V8Reservations = 768;

    private const long MiB = 1024L * 1024L;

    /// <summary>Messages with which the runtimes say an allocation failed (stderr), compared ignoring case.</summary>
    private static readonly string[] OutOfMemoryMarkers =
    [
        "MemoryError", "out of memory", "OutOfMemoryException", "Cannot allocate memory", "bad_alloc", "0x8007000E",
        "Failed to reserve virtual memory", "do you have a virtual memory limit",
    ];

    /// <summary>The address-space limit in bytes for an adapter written in <paramref name="language"/>.</summary>
    public long BytesFor(string? language) => (MemoryMb + (language == "javascript" ? V8Reservations : 0)) * MiB;

    /// <summary>argv that starts <paramref name="argv"/> under the limit; environment for the adapter's runtime goes into <paramref name="psi"/>.</summary>
    public IReadOnlyList<string> Apply(string? language, IReadOnlyList<string> argv, ProcessStartInfo psi)
    {
        var bytes = BytesFor(language);
        if (language == "csharp")
        {
            var heap = (MemoryMb * MiB / 4).ToString("x", CultureInfo.InvariantCulture); // DOTNET_GC* values are hexadecimal
            psi.Environment["DOTNET_GCRegionRange"] = heap;
            psi.Environment["DOTNET_GCHeapHardLimit"] = heap;
            psi.Environment["MALLOC_ARENA_MAX"] = "1";
        }
        else if (language == "javascript")
        {
            var existing = psi.Environment.TryGetValue("NODE_OPTIONS", out var o) && !string.IsNullOrWhiteSpace(o) ? o + " " : "";
            psi.Environment["NODE_OPTIONS"] = existing + string.Create(CultureInfo.InvariantCulture, $"--max-old-space-size={MemoryMb}");
        }
        return [Prlimit, string.Create(CultureInfo.InvariantCulture, $"--as={bytes}"), "--", .. argv];
    }

    /// <summary>True when a failed adapter's stderr says it ran out of memory (RLIMIT_AS refuses an allocation with ENOMEM; no kernel counter tells).</summary>
    public static bool LooksOutOfMemory(string stderr) =>
        OutOfMemoryMarkers.Any(m => stderr.Contains(m, StringComparison.OrdinalIgnoreCase));

    /// <summary>util-linux prlimit on PATH, or null where it is missing (then the limit cannot be applied).</summary>
    public static string? FindPrlimit() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "prlimit")).FirstOrDefault(File.Exists);

    private static string Prlimit => FindPrlimit() ?? throw new InvalidOperationException("prlimit (util-linux) was not found on PATH; it applies the adapters' memory limit");
}
