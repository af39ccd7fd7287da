using System.Text.Json;
using AstroBench.Core.Results;
using AstroBench.Core.Running;

namespace AstroBench.Core.Caching;

/// <summary>
/// The uncontended levels of this machine's last timed runs (docs/engine.md, "Remembered levels"), in
/// <c>results/.cache/machine/contention-levels.json</c>: the probe process's and the in-process probe chunks' (protocol 7).
/// A run contended from its first sample has none of its own, and judged its first experiments against the contended
/// level (two runs' first experiment then differed by 17–20 %). Only a level of the same machine (<see cref="Machine"/>)
/// and probe kernel, younger than <see cref="MaxAge"/>, is used.
/// </summary>
public sealed record RememberedLevels(string Schema, string Machine, RememberedLevel? Probe, RememberedLevel? Chunks)
{
    public const string SchemaId = "astrobench.contention-levels/1";

    /// <summary>A remembered level older than this is not used: a machine whose uncontended speed changed for good (another
    /// host, a new governor) would otherwise see every sample contended, and its native results flagged, for as long as it lasted.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    public static string PathFor(string resultsDir) => Path.Combine(resultsDir, ".cache", "machine", "contention-levels.json");

    /// <summary>What a level is only valid for: host name, core count, CPU model, the probe kernel and the chunks' ops.</summary>
    public static string ThisMachine { get; } = string.Join(" | ", Environment.MachineName,
        Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + " cores", CpuModel(),
        MachineProbe.Kernel, "chunks of " + ContendedValues.ProbeOps.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ops");

    /// <summary>The levels at <paramref name="path"/> usable now for <paramref name="machine"/>: null when there are none,
    /// they are another machine's or unreadable; a level older than <see cref="MaxAge"/> is dropped.</summary>
    public static RememberedLevels? Load(string path, string machine, DateTimeOffset now)
    {
        try
        {
            var levels = JsonSerializer.Deserialize<RememberedLevels>(File.ReadAllBytes(path), ResultJson.Options);
            if (levels is null || levels.Schema != SchemaId || levels.Machine != machine)
            {
                return null;
            }
            var fresh = levels with { Probe = Fresh(levels.Probe, now), Chunks = Fresh(levels.Chunks, now) };
            return fresh.Probe is null && fresh.Chunks is null ? null : fresh;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // Missing or unreadable: the run sets its levels from its own samples, as without the memory.
            return null;
        }
    }

    /// <summary>What to remember after a run whose own levels were <paramref name="probeNs"/> and <paramref name="chunksNs"/>.</summary>
    public static RememberedLevels Next(RememberedLevels? before, string machine, double? probeNs, double? chunksNs, string run, DateTimeOffset now) =>
        new(SchemaId, machine, RememberedLevel.Next(before?.Probe, probeNs, run, now), RememberedLevel.Next(before?.Chunks, chunksNs, run, now));

    public static async Task SaveAsync(string path, RememberedLevels levels, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await AtomicFile.WriteJsonAsync(path, levels, ct);
    }

    private static RememberedLevel? Fresh(RememberedLevel? level, DateTimeOffset now) =>
        level is not null && level.LevelNs > 0 && now - level.SeenAt <= MaxAge && level.SeenAt <= now + TimeSpan.FromMinutes(5) ? level : null;

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "cpu unknown";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "cpu unknown";
        }
    }
}

/// <summary>One remembered level: ns/op, the run that saw it, and when.</summary>
public sealed record RememberedLevel(double LevelNs, string Run, DateTimeOffset SeenAt)
{
    /// <summary>
    /// The level to remember after a run whose own level was <paramref name="ownNs"/>: its own when it is the first, or
    /// within the contended threshold of the one before (or lower): the run saw this machine uncontended. Otherwise the run
    /// never did (contended throughout, or the level before is stale), and the one before is kept with its own time, so
    /// that it ages out rather than being replaced by a contended level.
    /// </summary>
    public static RememberedLevel? Next(RememberedLevel? before, double? ownNs, string run, DateTimeOffset now)
    {
        if (ownNs is not { } own || !(own > 0))
        {
            return before;
        }
        return before is null || !ContentionGate.IsAbove(own, before.LevelNs) ? new RememberedLevel(own, run, now) : before;
    }
}
