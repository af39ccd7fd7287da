using System.Globalization;

namespace AstroBench.Core.Protocol;

/// <summary>
/// The steady-state warm-up of <c>warmup auto</c> (protocol 3; docs/adapter-protocol.md, "Version 3"): chunks of ⌈ops / 20⌉
/// of one value's ops, each timed; steady once the last 3 chunk times lie within 2 % of each other; at most
/// min(10, max(1, ⌊ops / (2 × chunk)⌋)) chunks, so at most half a value and at least one chunk. Each runtime implements
/// the loop itself (adapters/common/abp.c, abp.py, abp.mjs, erfa-dotnet's PerfLoop.cs) with these constants; here is the
/// bound the orchestrator and <c>astrobench adapters check</c> hold their answers to.
/// </summary>
public static class WarmupRule
{
    public const int ChunksPerValue = 20;
    public const int MaxChunks = 10;

    /// <summary>The ops of one warm-up chunk for a value of <paramref name="opsPerValue"/> ops.</summary>
    public static long ChunkOps(long opsPerValue) => Math.Max(1, (opsPerValue + ChunksPerValue - 1) / ChunksPerValue);

    /// <summary>The most warm-up ops the rule allows before a value of <paramref name="opsPerValue"/> ops.</summary>
    public static long MaxOps(long opsPerValue)
    {
        var chunk = ChunkOps(opsPerValue);
        return chunk * Math.Min(MaxChunks, Math.Max(1, opsPerValue / (2 * chunk)));
    }

    /// <summary>Why an answer to <c>warmup auto</c> breaks the bound (its <c>warmup_ops</c> above <see cref="MaxOps"/>), or null when it keeps it or reports none.</summary>
    public static string? Check(PerfMeasurement perf, long opsPerValue) =>
        perf.WarmupOps is { } done && done > MaxOps(opsPerValue)
            ? string.Create(CultureInfo.InvariantCulture,
                $"protocol 3 perf answer with {ProtocolConstants.WarmupOpsField} {done}, above the warm-up bound of {MaxOps(opsPerValue)} for a value of {opsPerValue} ops (chunks of {ChunkOps(opsPerValue)}, at most half a value; docs/adapter-protocol.md)")
            : null;
}
