using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The two calls timing is made of: the pilot (grow the op count until a call lasts ≥ 10 ms, giving ns/op, and size
/// one value to the value target in whole passes over the cases, <see cref="PerfOps"/>) and one round (a fresh process
/// that warms up before its timed loop: 10 % of the ops untimed, or, for protocol 3 adapters (<c>warmup auto</c>), until
/// a steady state; protocol 4 adapters then time several values back to back). Per-op figures are raw minus the
/// adapter's empty-loop cost when it reports one (docs/engine.md). <see cref="TimingSchedule"/> decides their order and
/// how many rounds each library gets.
/// </summary>
public sealed class PerfMeasurer(AdapterProcessRunner runner)
{
    // One op to start: some calls cost milliseconds (libnova's full ELP 2000-82B Moon, ~2.5 ms).
    private const long PilotStartOps = 1;
    private const long MaxOps = PerfOps.MaxOps;
    // A pilot call must last long enough for a JIT to have compiled the loop: calls of 1 ms (tried) left JavaScript's
    // ops in the interpreter, overestimated ns/op 5 to 50 times and so gave values of 0.4–4 ms instead of 20.
    private static readonly TimeSpan PilotTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>A failed timing call: its outcome and what went wrong.</summary>
    public sealed record Failure(CallOutcome Outcome, string? Detail);

    /// <summary>The ops of one value for <paramref name="adapter"/>, or why the pilot failed.</summary>
    public async Task<(long RoundOps, Failure? Failure)> PilotAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        TimeSpan valueTarget, CancellationToken ct)
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
        return (PerfOps.ForValue(nsPerOp, AdapterRequest.PerfCases(inputs.Rows), valueTarget), null);
    }

    /// <summary>
    /// Round <paramref name="round"/> (1-based, for messages): <paramref name="values"/> values of <paramref name="roundOps"/>
    /// ops from a protocol 4 adapter (one value from any other); its figures, or why it failed.
    /// </summary>
    public async Task<(PerfMeasurement? Perf, Failure? Failure)> RoundAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        long roundOps, int round, CancellationToken ct, int values = 1)
    {
        int? asked = adapter.Manifest.SpeaksV4 ? values : null;
        var request = AdapterRequest.Perf(experiment.Id, inputs, roundOps, Math.Max(1, roundOps / 10), adapter.Manifest.SpeaksV3, asked);
        var call = await runner.CallAsync(adapter, request, 0, ct);
        if (call.Outcome != CallOutcome.Completed)
        {
            return (null, new Failure(call.Outcome, string.Create(CultureInfo.InvariantCulture, $"round {round}: {call.Detail}")));
        }
        if (MissingValues(asked, call.Perf!) is { } wrongValues)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {wrongValues}")));
        }
        var expectedOps = roundOps * (asked ?? 1);
        if (call.Perf!.Ops != expectedOps)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: adapter ran {call.Perf.Ops} ops, {expectedOps} requested")));
        }
        if (MissingV3Fields(adapter, call.Perf) is { } missing)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {missing}")));
        }
        return (call.Perf, null);
    }

    /// <summary>A protocol 4 answer to <c>values V</c> must list V values (docs/adapter-protocol.md); null when it did (or none was asked).</summary>
    public static string? MissingValues(int? asked, PerfMeasurement perf) =>
        asked is { } v && perf.ValuesNs?.Count != v
            ? string.Create(CultureInfo.InvariantCulture, $"protocol 4 perf answer with {perf.ValuesNs?.Count ?? 0} {ProtocolConstants.ValuesNsField} for {ProtocolConstants.ValuesKey} {v}")
            : null;

    /// <summary>A protocol 3 adapter must report its loop cost and warm-up (docs/adapter-protocol.md); null when it did.</summary>
    public static string? MissingV3Fields(AdapterInfo adapter, PerfMeasurement perf) =>
        adapter.Manifest.SpeaksV3 && perf.MissingV3Fields(warmupAuto: true) is { Count: > 0 } missing
            ? "protocol 3 perf answer without " + string.Join(", ", missing)
            : null;
}
