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
    /// <summary>The runner every call is made and counted by.</summary>
    public AdapterProcessRunner Runner => runner;

    /// <summary>A failed timing call: its outcome and what went wrong.</summary>
    public sealed record Failure(CallOutcome Outcome, string? Detail);

    /// <summary>The ops of one value for <paramref name="adapter"/>, or why the pilot failed; and the pilot calls made.</summary>
    public async Task<(long RoundOps, Failure? Failure, int Calls)> PilotAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        TimeSpan valueTarget, CancellationToken ct)
    {
        var auto = adapter.Manifest.SpeaksV3;
        var ops = PilotRule.StartOps;
        double nsPerOp;
        var calls = 0;
        while (true)
        {
            calls++;
            var pilot = await runner.CallAsync(adapter, AdapterRequest.Perf(experiment.Id, inputs, ops, Math.Max(1, ops / 10), auto), 0, ct);
            if (pilot.Outcome != CallOutcome.Completed)
            {
                return (0, new Failure(pilot.Outcome, "pilot: " + pilot.Detail), calls);
            }
            if (MissingV3Fields(adapter, pilot.Perf!) is { } missingInPilot)
            {
                return (0, new Failure(CallOutcome.InvalidOutput, "pilot: " + missingInPilot), calls);
            }
            nsPerOp = pilot.Perf!.NsPerOp;
            if (PilotRule.NextOps(ops, pilot.Perf.TotalNs, PilotRule.Target.TotalNanoseconds) is not { } next)
            {
                break;
            }
            ops = next;
        }
        return (PerfOps.ForValue(nsPerOp, AdapterRequest.PerfCases(inputs.Rows), valueTarget), null, calls);
    }

    /// <summary>
    /// Round <paramref name="round"/> (1-based, for messages): <paramref name="values"/> values of <paramref name="roundOps"/>
    /// ops from a protocol 4 adapter (one value from any other); its figures, or why it failed. With <paramref name="auto"/>
    /// (protocol 5 adapters, their first round) the process pilots itself and <paramref name="roundOps"/> is ignored. With
    /// <paramref name="process"/> (protocol 6: started ahead and ready) the request goes to it instead of a fresh process.
    /// </summary>
    public async Task<(PerfMeasurement? Perf, Failure? Failure)> RoundAsync(AdapterInfo adapter, ExperimentDefinition experiment, InputTable inputs,
        long roundOps, int round, CancellationToken ct, int values = 1, PerfAuto? auto = null, PrestartedProcess? process = null, long? probeOps = null)
    {
        int? asked = adapter.Manifest.SpeaksV4 ? values : null;
        long? probe = adapter.Manifest.SpeaksV7 ? probeOps : null;
        var request = AdapterRequest.Perf(experiment.Id, inputs, roundOps, Math.Max(1, roundOps / 10), adapter.Manifest.SpeaksV3, asked, auto, probe);
        var call = process is null ? await runner.CallAsync(adapter, request, 0, ct) : await process.CallAsync(request, 0);
        if (call.Outcome != CallOutcome.Completed)
        {
            return (null, new Failure(call.Outcome, string.Create(CultureInfo.InvariantCulture, $"round {round}: {call.Detail}")));
        }
        if (MissingValues(asked, call.Perf!) is { } wrongValues)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {wrongValues}")));
        }
        if (MissingProbes(probe, call.Perf!) is { } wrongProbes)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {wrongProbes}")));
        }
        if (auto is not null)
        {
            // Protocol 5: the process was its own pilot; its ops per value must be what the rule gives for its pilot.
            if (PilotRule.CheckAuto(call.Perf!, auto, request.RowCount, asked ?? 1) is { } wrongAuto)
            {
                return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {wrongAuto}")));
            }
            roundOps = call.Perf!.OpsPerValue;
        }
        var expectedOps = roundOps * (asked ?? 1);
        if (call.Perf!.Ops != expectedOps)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: adapter ran {call.Perf.Ops} ops, {expectedOps} requested")));
        }
        if ((MissingV3Fields(adapter, call.Perf) ?? WarmupOverBound(adapter, call.Perf, roundOps)) is { } missing)
        {
            return (null, new Failure(CallOutcome.InvalidOutput, string.Create(CultureInfo.InvariantCulture, $"round {round}: {missing}")));
        }
        return (call.Perf, null);
    }

    /// <summary>A protocol 7 answer to <c>probe_ops P</c> must list one probe chunk more than it has values (docs/adapter-protocol.md); null when it did (or none was asked).</summary>
    public static string? MissingProbes(long? probeOps, PerfMeasurement perf) =>
        probeOps is not null && perf.ProbeNs?.Count != perf.ValueCount + 1
            ? string.Create(CultureInfo.InvariantCulture, $"protocol 7 perf answer with {perf.ProbeNs?.Count ?? 0} {ProtocolConstants.ProbeNsField} for {perf.ValueCount} values (expected {perf.ValueCount + 1})")
            : null;

    /// <summary>A protocol 4 answer to <c>values V</c> must list V values (docs/adapter-protocol.md); null when it did (or none was asked).</summary>
    public static string? MissingValues(int? asked, PerfMeasurement perf) =>
        asked is { } v && perf.ValuesNs?.Count != v
            ? string.Create(CultureInfo.InvariantCulture, $"protocol 4 perf answer with {perf.ValuesNs?.Count ?? 0} {ProtocolConstants.ValuesNsField} for {ProtocolConstants.ValuesKey} {v}")
            : null;

    /// <summary>A protocol 3 adapter's warm-up (<c>warmup auto</c>) before values of <paramref name="opsPerValue"/> ops stays within
    /// <see cref="WarmupRule.MaxOps"/> (docs/adapter-protocol.md); null when it did, or for an adapter not asked for it.</summary>
    public static string? WarmupOverBound(AdapterInfo adapter, PerfMeasurement perf, long opsPerValue) =>
        adapter.Manifest.SpeaksV3 ? WarmupRule.Check(perf, opsPerValue) : null;

    /// <summary>A protocol 3 adapter must report its loop cost and warm-up (docs/adapter-protocol.md); null when it did.</summary>
    public static string? MissingV3Fields(AdapterInfo adapter, PerfMeasurement perf) =>
        adapter.Manifest.SpeaksV3 && perf.MissingV3Fields(warmupAuto: true) is { Count: > 0 } missing
            ? "protocol 3 perf answer without " + string.Join(", ", missing)
            : null;
}
