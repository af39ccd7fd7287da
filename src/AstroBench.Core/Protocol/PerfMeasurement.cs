namespace AstroBench.Core.Protocol;

/// <summary>What an adapter reports for one perf call.</summary>
/// <remarks>
/// <see cref="EmptyLoopNsPerOp"/>, <see cref="WarmupOps"/> and <see cref="WarmupSteady"/> are protocol 3
/// (docs/adapter-protocol.md): the cost per op of the adapter's own timed loop with an empty body (null: not reported, a
/// v1 adapter), the warm-up ops actually run, and whether the steady-state rule was met (null unless the request said
/// <c>warmup auto</c>). <see cref="ValuesNs"/> is protocol 4: the call timed several values of <c>Ops / ValuesNs.Count</c>
/// ops each (null: one value, <see cref="TotalNs"/>). <see cref="PilotOps"/> and <see cref="PilotNs"/> are protocol 5: the
/// last in-process pilot call of an <c>ops auto</c> request (null otherwise). <see cref="ProbeNs"/> is protocol 7: the ns of
/// each probe chunk, one before the first value and one after each value (null: none asked).
/// </remarks>
public sealed record PerfMeasurement(long TotalNs, long Ops, double Sink, double ClockResNs,
    double? EmptyLoopNsPerOp = null, long? WarmupOps = null, bool? WarmupSteady = null, IReadOnlyList<long>? ValuesNs = null,
    long? PilotOps = null, long? PilotNs = null, IReadOnlyList<long>? ProbeNs = null)
{
    /// <summary>The raw figure: the timed loop's total over its ops, loop overhead included (the mean over the values).</summary>
    public double NsPerOp => (double)TotalNs / Ops;

    /// <summary>Raw minus the empty-loop cost (raw when the cost is unknown); never below 0.</summary>
    public double NetNsPerOp => Net(NsPerOp);

    /// <summary>How many values the call timed (1 without <see cref="ValuesNs"/>).</summary>
    public int ValueCount => ValuesNs?.Count ?? 1;

    /// <summary>The ops of one value.</summary>
    public long OpsPerValue => Ops / ValueCount;

    /// <summary>Each value's raw ns/op, in the order timed.</summary>
    public IReadOnlyList<double> RawValuesNsPerOp => ValuesNs is { } v ? v.Select(ns => (double)ns / OpsPerValue).ToArray() : [NsPerOp];

    /// <summary>Each value's ns/op net of the empty-loop cost.</summary>
    public IReadOnlyList<double> NetValuesNsPerOp => RawValuesNsPerOp.Select(Net).ToArray();

    /// <summary>
    /// The call's one figure (a timing round's sample): the median of its values' raw ns/op, so that one value hit by an
    /// interruption does not move it (the mean would); the single value without <see cref="ValuesNs"/>.
    /// </summary>
    public double RawRoundNsPerOp => MedianOf(RawValuesNsPerOp);

    /// <summary><see cref="RawRoundNsPerOp"/> net of the empty-loop cost (the empty loop is timed once per process).</summary>
    public double RoundNsPerOp => Net(RawRoundNsPerOp);

    /// <summary>The median of the values <paramref name="kept"/> marks (at least one), net of the empty-loop cost: a protocol 7
    /// round's sample, from the values its probe chunks found the machine uncontended around (docs/engine.md, "Contended values").</summary>
    public double RoundNsPerOpOf(IReadOnlyList<bool> kept) => Net(MedianOf(RawValuesNsPerOp.Where((_, i) => kept[i]).ToArray()));

    /// <summary>The protocol 3 fields this answer lacks (empty when complete).</summary>
    public IReadOnlyList<string> MissingV3Fields(bool warmupAuto)
    {
        var missing = new List<string>(3);
        if (EmptyLoopNsPerOp is null)
        {
            missing.Add(ProtocolConstants.EmptyLoopField);
        }
        if (WarmupOps is null)
        {
            missing.Add(ProtocolConstants.WarmupOpsField);
        }
        if (warmupAuto && WarmupSteady is null)
        {
            missing.Add(ProtocolConstants.WarmupSteadyField);
        }
        return missing;
    }

    private double Net(double raw) => EmptyLoopNsPerOp is { } empty ? Math.Max(0, raw - empty) : raw;

    private static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
