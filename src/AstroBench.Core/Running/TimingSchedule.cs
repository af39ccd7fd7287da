using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// Times an experiment's libraries together (docs/engine.md, "Rounds: interleaving and adaptive count"): a pilot for
/// each (inside its first round's process for a protocol 5 adapter: <c>ops auto</c>), then rounds in cycles across the
/// libraries in plan order (reference, A, B, reference, A, B, …) so that drift of the machine hits them all alike; which
/// libraries a cycle holds is <see cref="RoundsRule"/>'s answer. Each sample keeps its place in that order
/// (<c>round_sequence</c>). A round is one process; a protocol 4 adapter's process times <see cref="RoundsPolicy.ValuesFor"/>
/// values and the round's sample is their median. With a <paramref name="probe"/>, every cycle starts with one probe
/// process (never beside a round), whose time is counted against the budget only after the planned cycles (docs/engine.md,
/// "The machine-speed probe").
/// </summary>
/// <remarks>Protocol 6 libraries' round processes are started ahead at the start of their cycle, before its probe, and each
/// is handed its request when its turn comes (<see cref="TimingProcesses"/>); <paramref name="readyTimeout"/> bounds the wait
/// for their ready lines (default: the runner's call timeout). With a <paramref name="contention"/> gate (the run's), native
/// libraries' rounds of a contended cycle are waited for or taken again (<see cref="ContendedRounds"/>; docs/engine.md,
/// "Contended cycles"); with a <paramref name="valueContention"/> gate too, a protocol 7 native round's values are judged
/// by the probe chunks timed beside them in the same process (<see cref="ContendedValues"/>; "Contended values").</remarks>
public sealed class TimingSchedule(PerfMeasurer measurer, RoundsPolicy policy, TimeProvider clock, MachineProbe? probe = null, TimeSpan? readyTimeout = null,
    ContentionGate? contention = null, ContentionGate? valueContention = null)
{
    /// <summary>Either a summary per library (in the order given) or the first library whose timing failed.</summary>
    public sealed record Outcome(IReadOnlyList<PerformanceSummary>? Summaries, AdapterInfo? Failed, PerfMeasurer.Failure? Failure);

    /// <summary>Called after each round: library, its round number, its planned rounds, ns/op.</summary>
    public delegate void RoundDone(AdapterInfo adapter, int round, int planned, double nsPerOp);

    public async Task<Outcome> MeasureAsync(IReadOnlyList<AdapterInfo> adapters, ExperimentDefinition experiment, InputTable inputs,
        TimeSpan valueTarget, RoundDone onRound, CancellationToken ct, RoundDone? onDiscarded = null)
    {
        var timing = Begin(adapters, experiment, inputs, valueTarget, onRound, onDiscarded);
        await timing.RunAsync(firstPart: false, ct);
        return timing.Finish();
    }

    /// <summary>An experiment's timing that can run in two parts with other experiments' timing between them
    /// (docs/engine.md, "Timing in two parts"): <see cref="ExperimentTiming.RunAsync"/> with <c>firstPart</c> stops once
    /// every library has the first half of its planned rounds; the time between the parts counts against no budget.</summary>
    public ExperimentTiming Begin(IReadOnlyList<AdapterInfo> adapters, ExperimentDefinition experiment, InputTable inputs,
        TimeSpan valueTarget, RoundDone onRound, RoundDone? onDiscarded = null) =>
        new(measurer, policy, clock, probe, readyTimeout ?? measurer.Runner.Timeout, contention, valueContention,
            adapters, experiment, inputs, valueTarget, onRound, onDiscarded);

    /// <summary>The share of the experiment's native libraries' timing budget its probes may be taken again in, waiting for an
    /// uncontended machine (docs/engine.md, "Contended cycles"): a quarter (about 0.25 s for two C libraries), paid from the
    /// budget, so that the rest of it still buys rounds on a machine contended throughout.</summary>
    internal const double ContendedRetakeShare = 0.25;
}
