using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The two calls timing is made of: the pilot (grow the op count until a call lasts ≥ 10 ms, giving ns/op, and size
/// the rounds to last the round target) and one round (a fresh process that warms up before its timed loop: 10 % of the ops untimed, or, for protocol 3
/// adapters (<c>warmup auto</c>), until a steady state). Per-op figures are raw minus the adapter's empty-loop cost when it
/// reports one (docs/engine.md). <see cref="TimingSchedule"/> decides their order and how many rounds each library gets.
/// </summary>
public sealed class PerfMeasurer(AdapterProcessRunner runner)
{
    // One op to start: some calls cost milliseconds (libnova's full ELP 2000-82B Moon, ~2.5 ms).
    private const long PilotStartOps = 1;
    private const long MinOps = 1;
    private const long MaxOps = 2_000_000_000;
    private static readonly TimeSpan PilotTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>A failed timing call: its outcome and what went wrong.</summary>
    public sealed record Failure(CallOutcome Outcome, string? Detail);

    /// <summary>The ops per round for <paramref name="adapter"/>, or why the pilot failed.</summary>
    public async Task<(long RoundOps, Failure? Failure)> PilotAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        TimeSpan roundTarget, CancellationToken ct)
    {
        var auto = adapter.Manifest.SpeaksV3;
        var ops = PilotStartOps;
        double nsPerOp;
        while (true)
        {
            var pilot = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, ops, Math.Max(1, ops / 10), auto), 0, ct);
            if (pilot.Outcome != CallOutcome.Completed)
            {
                return (0, new Failure(pilot.Outcome, "pilot: " + pilot.Detail));
            }
            if (MissingV3Fields(adapter, pilot.Perf!) is { } missingInPilot)
            {
                return (0, new Failure(CallOutcome.InvalidOutput, "pilot: " + missingInPilot));
            }
            nsPerOp = pilot.Perf!.NsPerOp;
            if (pilot.Perf.TotalNs >= PilotTarget.TotalNanoseconds || ops >= MaxOps)
            {
                break;
            }
            ops = Math.Min(MaxOps, ops * Math.Max(2, (long)Math.Ceiling(PilotTarget.TotalNanoseconds / Math.Max(1, pilot.Perf.TotalNs))));
        }
        return (Math.Clamp((long)Math.Ceiling(roundTarget.TotalNanoseconds / Math.Max(nsPerOp, 1e-3)), MinOps, MaxOps), null);
    }

    /// <summary>Round <paramref name="round"/> (1-based, for messages) of <paramref name="roundOps"/> ops: its figures, or why it failed.</summary>
    public async Task<(PerfMeasurement? Perf, Failure? Failure)> RoundAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        long roundOps, int round, CancellationToken ct)
    {
        var call = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, roundOps, Math.Max(1, roundOps / 10), adapter.Manifest.SpeaksV3), 0, ct);
        if (call.Outcome != CallOutcome.Completed)
        {
            return (null, new Failure(call.Outcome, string.Create(CultureInfo.InvariantCulture, $"round {round}: {call.Detail}")));
        }
        if (call.Perf!.Ops != roundOps)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: adapter ran {call.Perf.Ops} ops, {roundOps} requested")));
        }
        if (MissingV3Fields(adapter, call.Perf) is { } missing)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {missing}")));
        }
        return (call.Perf, null);
    }

    /// <summary>A protocol 3 adapter must report its loop cost and warm-up (docs/adapter-protocol.md); null when it did.</summary>
    public static string? MissingV3Fields(AdapterInfo adapter, PerfMeasurement perf) =>
        adapter.Manifest.SpeaksV3 && perf.MissingV3Fields(warmupAuto: true) is { Count: > 0 } missing
            ? "protocol 3 perf answer without " + string.Join(", ", missing)
            : null;
}
