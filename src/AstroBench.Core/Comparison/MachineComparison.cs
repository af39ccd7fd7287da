using System.Globalization;
using System.Text.Json;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Running;

namespace AstroBench.Core.Comparison;

/// <summary>
/// The two runs' machine-speed probes side by side (docs/engine.md, "The machine-speed probe"), in both compares (the CI gate
/// and <c>GET /api/compare</c>). <see cref="Differs"/> when the probe medians are further apart than
/// <see cref="ThresholdPercent"/>, the compare's own threshold for a performance verdict: a change of that size in a library's
/// median may then be the machine's. Verdicts are never changed by it (a regression stays a regression; the gate's exit code
/// is the same): the report says so in <see cref="Warning"/>, and the gate's changed performance rows carry it as their note.
/// Null when either run has no probe (runs before it, <c>--no-perf</c>) or the two ran different probe kernels.
/// </summary>
public sealed record MachineComparison(double BaselineProbeNs, double CandidateProbeNs, double DifferencePercent, double ThresholdPercent,
    bool Differs, string? Warning)
{
    public static MachineComparison? Of(RunDetail baseline, RunDetail candidate, double thresholdPercent)
    {
        if (Probe(baseline) is not { } a || Probe(candidate) is not { } b || a.Kernel != b.Kernel)
        {
            return null;
        }
        var difference = MachineDrift.DifferencePercent(a.MedianNs, b.MedianNs);
        var differs = MachineDrift.Differs(a.MedianNs, b.MedianNs, thresholdPercent);
        var warning = differs
            ? string.Create(CultureInfo.InvariantCulture,
                $"the machine ran {Math.Abs(difference):0.0} % {(difference > 0 ? "slower" : "faster")} in the candidate run than in the baseline (probe median {a.MedianNs:0.###} → {b.MedianNs:0.###} ns/op), more than the {thresholdPercent:0.#} % a performance verdict needs: performance changes may be the machine's, not the code's")
            : null;
        return new MachineComparison(a.MedianNs, b.MedianNs, Math.Round(difference, 3), thresholdPercent, differs, warning);
    }

    /// <summary>The note a changed performance row carries when the machines differed (not a field of its own: it is in the rows).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? RowNote => Differs
        ? string.Create(CultureInfo.InvariantCulture, $"machine speed differed by {Math.Abs(DifferencePercent):0.0} % between the runs (probe)")
        : null;

    private static (string Kernel, double MedianNs)? Probe(RunDetail run) =>
        run.Manifest is { } m && m.TryGetProperty("machine", out var machine) && machine.ValueKind == JsonValueKind.Object
            && machine.TryGetProperty("probe", out var probe) && probe.ValueKind == JsonValueKind.Object
            && probe.TryGetProperty("median_ns", out var median) && median.ValueKind == JsonValueKind.Number && median.GetDouble() > 0
            && probe.TryGetProperty("kernel", out var kernel) && kernel.ValueKind == JsonValueKind.String
            ? (kernel.GetString()!, median.GetDouble())
            : null;
}
