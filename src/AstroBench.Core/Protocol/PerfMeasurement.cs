namespace AstroBench.Core.Protocol;

/// <summary>What an adapter reports for one perf call.</summary>
/// <remarks>
/// The last three are protocol 3 (docs/adapter-protocol.md): the cost per op of the adapter's own timed loop with an
/// empty body (null: not reported, a v1 adapter), the warm-up ops actually run, and whether the steady-state rule was
/// met (null unless the request said <c>warmup auto</c>).
/// </remarks>
public sealed record PerfMeasurement(long TotalNs, long Ops, double Sink, double ClockResNs,
    double? EmptyLoopNsPerOp = null, long? WarmupOps = null, bool? WarmupSteady = null)
{
    /// <summary>The raw figure: the timed loop's total over its ops, loop overhead included.</summary>
    public double NsPerOp => (double)TotalNs / Ops;

    /// <summary>Raw minus the empty-loop cost (raw when the cost is unknown); never below 0.</summary>
    public double NetNsPerOp => EmptyLoopNsPerOp is { } empty ? Math.Max(0, NsPerOp - empty) : NsPerOp;

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
}
