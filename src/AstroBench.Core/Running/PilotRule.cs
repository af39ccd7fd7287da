using System.Globalization;
using AstroBench.Core.Protocol;

namespace AstroBench.Core.Running;

/// <summary>
/// The pilot as a pure rule (docs/engine.md, "Rounds: interleaving and adaptive count"): start at one op, and while a
/// call lasts less than the pilot target multiply the ops by max(2, ⌈target / call ns⌉), at most <see cref="PerfOps.MaxOps"/>.
/// The orchestrator runs it over separate processes (adapters before protocol 5); a protocol 5 adapter runs it inside the
/// first round's process (<c>ops auto</c>), and <see cref="CheckAuto"/> verifies from its answer that it did.
/// </summary>
public static class PilotRule
{
    // One op to start: some calls cost milliseconds (libnova's full ELP 2000-82B Moon, ~2.5 ms).
    public const long StartOps = 1;

    // A pilot call must last long enough for a JIT to have compiled the loop: calls of 1 ms (tried) left JavaScript's
    // ops in the interpreter, overestimated ns/op 5 to 50 times and so gave values of 0.4–4 ms instead of 20.
    public static TimeSpan Target { get; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The ops of the next pilot call after one of <paramref name="ops"/> ops lasting <paramref name="totalNs"/>; null: the pilot is done.</summary>
    public static long? NextOps(long ops, long totalNs, double targetNs)
    {
        if (totalNs >= targetNs || ops >= PerfOps.MaxOps)
        {
            return null;
        }
        return Math.Min(PerfOps.MaxOps, ops * Math.Max(2, (long)Math.Ceiling(targetNs / Math.Max(1, totalNs))));
    }

    /// <summary>The request of a protocol 5 first round: the pilot target and <paramref name="valueTarget"/>.</summary>
    public static PerfAuto AutoFor(TimeSpan valueTarget) =>
        new((long)Target.TotalNanoseconds, (long)valueTarget.TotalNanoseconds);

    /// <summary>
    /// Whether an answer to <c>ops auto</c> followed the rules: it reports its last pilot call, that call reached the
    /// target (or the most ops), and each of its <paramref name="values"/> values has the ops the value rule gives for the
    /// pilot's ns/op over <paramref name="cases"/> cases. Null when it did, else what is wrong.
    /// </summary>
    public static string? CheckAuto(PerfMeasurement perf, PerfAuto auto, int cases, int values)
    {
        if (perf.PilotOps is not { } pilotOps || perf.PilotNs is not { } pilotNs || pilotOps < 1)
        {
            return $"protocol 5 perf answer to ops auto without {ProtocolConstants.PilotOpsField} and {ProtocolConstants.PilotNsField}";
        }
        if (NextOps(pilotOps, pilotNs, auto.PilotTargetNs) is not null)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"protocol 5 pilot stopped at {pilotOps} ops in {pilotNs} ns, short of the {auto.PilotTargetNs} ns asked");
        }
        var expected = PerfOps.ForValue((double)pilotNs / pilotOps, cases, auto.ValueTargetNs);
        if (perf.Ops != expected * values)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"protocol 5 answer timed {perf.Ops} ops in {values} values; its pilot ({pilotNs} ns for {pilotOps} ops) gives {expected} ops per value");
        }
        return null;
    }
}
