using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// Times one library on one experiment in explicit phases: pilot (grow the op count until a call
/// lasts ≥ 10 ms, giving ns/op), then rounds sized to last the round target, each round a fresh
/// process that warms up before its timed loop: 10 % of the ops, untimed, or (protocol 3 adapters, <c>warmup auto</c>)
/// until a steady state. Per-op figures are raw minus the adapter's empty-loop cost when it reports one (docs/engine.md).
/// </summary>
public sealed class PerfMeasurer(AdapterProcessRunner runner)
{
    // One op to start: some calls cost milliseconds (libnova's full ELP 2000-82B Moon, ~2.5 ms).
    private const long PilotStartOps = 1;
    private const long MinOps = 1;
    private const long MaxOps = 2_000_000_000;
    private static readonly TimeSpan PilotTarget = TimeSpan.FromMilliseconds(10);

    public sealed record Measurement(PerformanceSummary? Summary, CallOutcome Outcome, string? Detail);

    public async Task<Measurement> MeasureAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        int rounds, TimeSpan roundTarget, Action<int, double> onRound, CancellationToken ct)
    {
        var auto = adapter.Manifest.SpeaksV3;
        var ops = PilotStartOps;
        double nsPerOp;
        while (true)
        {
            var pilot = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, ops, Math.Max(1, ops / 10), auto), 0, ct);
            if (pilot.Outcome != CallOutcome.Completed)
            {
                return new Measurement(null, pilot.Outcome, "pilot: " + pilot.Detail);
            }
            if (MissingV3Fields(adapter, pilot.Perf!) is { } missingInPilot)
            {
                return new Measurement(null, CallOutcome.InvalidOutput, "pilot: " + missingInPilot);
            }
            nsPerOp = pilot.Perf!.NsPerOp;
            if (pilot.Perf.TotalNs >= PilotTarget.TotalNanoseconds || ops >= MaxOps)
            {
                break;
            }
            ops = Math.Min(MaxOps, ops * Math.Max(2, (long)Math.Ceiling(PilotTarget.TotalNanoseconds / Math.Max(1, pilot.Perf.TotalNs))));
        }
        var roundOps = Math.Clamp((long)Math.Ceiling(roundTarget.TotalNanoseconds / Math.Max(nsPerOp, 1e-3)), MinOps, MaxOps);

        var samples = new List<double>(rounds);
        var answers = new List<PerfMeasurement>(rounds);
        var clockRes = 1.0;
        for (var r = 0; r < rounds; r++)
        {
            var call = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, roundOps, Math.Max(1, roundOps / 10), auto), 0, ct);
            if (call.Outcome != CallOutcome.Completed)
            {
                return new Measurement(null, call.Outcome, string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: {call.Detail}"));
            }
            if (call.Perf!.Ops != roundOps)
            {
                return new Measurement(null, CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: adapter ran {call.Perf.Ops} ops, {roundOps} requested"));
            }
            if (MissingV3Fields(adapter, call.Perf) is { } missing)
            {
                return new Measurement(null, CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {r + 1}: {missing}"));
            }
            samples.Add(call.Perf.NetNsPerOp);
            answers.Add(call.Perf);
            clockRes = call.Perf.ClockResNs;
            onRound(r + 1, call.Perf.NetNsPerOp);
        }
        return new Measurement(PerformanceSummary.From(samples, roundOps, clockRes) with { Loop = LoopCost.From(answers, auto) },
            CallOutcome.Completed, null);
    }

    /// <summary>A protocol 3 adapter must report its loop cost and warm-up (docs/adapter-protocol.md); null when it did.</summary>
    public static string? MissingV3Fields(AdapterInfo adapter, PerfMeasurement perf) =>
        adapter.Manifest.SpeaksV3 && perf.MissingV3Fields(warmupAuto: true) is { Count: > 0 } missing
            ? "protocol 3 perf answer without " + string.Join(", ", missing)
            : null;
}
