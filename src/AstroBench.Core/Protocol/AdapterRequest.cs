using AstroBench.Core.Inputs;

namespace AstroBench.Core.Protocol;

/// <summary>One call: an experiment, a mode, the input rows to send, and for perf the op counts.</summary>
public sealed record AdapterRequest(string Experiment, AdapterMode Mode, InputTable Inputs, int FirstRow, int RowCount, long Ops = 0, long Warmup = 0,
    bool WarmupAuto = false, int? Values = null, PerfAuto? Auto = null, long? ProbeOps = null)
{
    public static AdapterRequest Accuracy(string experiment, InputTable inputs) =>
        new(experiment, AdapterMode.Accuracy, inputs, 0, inputs.Rows);

    /// <summary>A perf call over a sample of the inputs (the last rows: random cases, not edge cases, when there are enough).</summary>
    /// <remarks><paramref name="warmupAuto"/>: send <c>warmup auto</c> (v3 adapters) instead of the fixed count;
    /// <paramref name="values"/>: send <c>values V</c> (v4 adapters; null: one value, no line);
    /// <paramref name="auto"/>: send <c>ops auto</c> with its targets instead of <paramref name="ops"/> (v5 adapters);
    /// <paramref name="probeOps"/>: send <c>probe_ops P</c> (v7 adapters; null: no probe chunks).</remarks>
    public static AdapterRequest Perf(string experiment, InputTable inputs, long ops, long warmup, bool warmupAuto = false, int? values = null,
        PerfAuto? auto = null, long? probeOps = null)
    {
        var count = PerfCases(inputs.Rows);
        return new(experiment, AdapterMode.Perf, inputs, inputs.Rows - count, count, ops, warmup, warmupAuto, values, auto, probeOps);
    }

    /// <summary>How many of <paramref name="rows"/> input rows a perf request carries.</summary>
    public static int PerfCases(int rows) => Math.Min(ProtocolConstants.MaxPerfCases, rows);
}
