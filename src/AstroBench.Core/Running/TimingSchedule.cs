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
        var started = clock.GetTimestamp();
        await using var processes = new TimingProcesses(measurer.Runner, readyTimeout ?? measurer.Runner.Timeout);
        var budget = policy.BudgetFor(adapters.Count);
        var ops = new long[adapters.Count];
        var trace = new TimingTrace(adapters.Count);
        var targets = adapters.Select(a => RoundsPolicy.ValueTargetFor(a.Manifest.Language, valueTarget)).ToArray();
        for (var i = 0; i < adapters.Count; i++)
        {
            if (adapters[i].Manifest.SpeaksV5)
            {
                continue; // ops auto: its first round's process is its own pilot (ops[i] stays 0 until then)
            }
            var pilotStarted = TimingTrace.Start();
            var (roundOps, failure, calls) = await measurer.PilotAsync(adapters[i], experiment, inputs, targets[i], ct);
            trace.Pilot(i, calls, pilotStarted);
            if (failure is not null)
            {
                return new Outcome(null, adapters[i], failure);
            }
            ops[i] = roundOps;
        }

        var samples = adapters.Select(_ => new List<double>()).ToArray();
        var sequence = adapters.Select(_ => new List<int>()).ToArray();
        var answers = adapters.Select(_ => new List<PerfMeasurement>()).ToArray();
        var clockRes = new double[adapters.Count];
        // Beside samples: whether the round stood although the machine was contended (docs/engine.md, "Contended rounds left out").
        var contended = adapters.Select(_ => new List<bool>()).ToArray();
        var libraries = adapters.Select((a, i) => new RoundsRule.Library(samples[i], policy.MaxFor(a.Manifest.Language),
            policy.PlannedFor(a.Manifest.Language), policy.SeTargetFor(a.Manifest.Language), contended[i])).ToArray();
        var values = adapters.Select(a => a.Manifest.SpeaksV4 ? policy.ValuesFor(a.Manifest.Language) : 1).ToArray();
        var next = 0;
        // The cycles the planned rounds need on an uncontended machine: their probes stay out of the budget, later ones are paid from it.
        var plannedCycles = adapters.Select((a, i) => CertainRounds(a, 0, ops[i])).DefaultIfEmpty(0).Max();
        var cycles = new ExperimentProbe(probe, clock, contention, plannedCycles);
        var roundCycles = adapters.Select(_ => new List<int>()).ToArray();
        var native = adapters.Select(a => RoundsPolicy.IsNative(a.Manifest.Language)).ToList();
        var judged = new ContendedRounds(probe is null ? null : contention, native, adapters.Select(a => policy.PlannedFor(a.Manifest.Language)).ToList(),
            policy.BudgetFor(native.Count(n => n)) * ContendedRetakeShare, valueContention);
        void Apply(ContendedRounds.CycleVerdict verdict)
        {
            foreach (var i in verdict.Contended)
            {
                contended[i][^1] = true; // the library's last round, the one the probe judged
            }
            foreach (var i in verdict.Discard)
            {
                judged.Discarded(i, samples[i][^1]);
                onDiscarded?.Invoke(adapters[i], samples[i].Count, libraries[i].PlannedOf(policy), samples[i][^1]);
                samples[i].RemoveAt(samples[i].Count - 1);
                answers[i].RemoveAt(answers[i].Count - 1);
                sequence[i].RemoveAt(sequence[i].Count - 1);
                roundCycles[i].RemoveAt(roundCycles[i].Count - 1);
                contended[i].RemoveAt(contended[i].Count - 1);
            }
        }
        // A contended round is taken again, and a contended cycle waited for, only while the experiment's timing budget
        // lasts: planned rounds are owed whatever the budget, so past it either would only add run time (on a machine
        // contended throughout; in the full catalog, whose interpreters' planned rounds alone outlast the budget).
        // Nor once the budget left no longer pays for the planned rounds still owed (RetakeBudget): each would then add run time.
        var cyclesRun = 0;
        TimeSpan Spent() => clock.GetElapsedTime(started) - cycles.OutsideBudget;
        bool Affords(int extraCycles) => RetakeBudget.Affords(Spent(), budget, cycles.RetakeSpent, cyclesRun,
            libraries.Select(l => Math.Max(0, l.PlannedOf(policy) - l.SamplesNs.Count)).Max(), extraCycles);
        while (true)
        {
            var cycle = RoundsRule.Next(libraries, policy, Spent(), budget);
            if (cycle.Count == 0)
            {
                if (!judged.HasPending)
                {
                    break;
                }
                // A closing probe judges the last cycle's native rounds; discarded ones make the rule ask again.
                await cycles.StartCycleAsync(ct);
                Apply(judged.Judge(cycles.Last, Affords(1)));
                continue;
            }
            // Every start-up of the cycle first, side by side; the probe and the rounds only once all are ready.
            var wants = cycle.Select(i => new TimingProcesses.Want(i, adapters[i], CertainRounds(adapters[i], samples[i].Count, ops[i]))).ToList();
            var fillStarted = TimingTrace.Start();
            var notReady = await processes.FillAsync(wants, ct);
            trace.Fill(fillStarted);
            if (notReady is not null)
            {
                var detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"round {samples[notReady.Value.Library].Count + 1}: {notReady.Value.Failure.Detail}");
                return new Outcome(null, adapters[notReady.Value.Library], new PerfMeasurer.Failure(notReady.Value.Failure.Outcome, detail));
            }
            await cycles.StartCycleAsync(ct);
            Apply(judged.Judge(cycles.Last, Affords(1))); // this cycle's probe is the one after the last cycle
            judged.BeginCycle(cycle);
            while (Affords(0) && judged.ShouldRetake(cycles.Last, cycles.RetakeSpent))
            {
                await cycles.RetakeAsync(ct); // the machine is contended: the native rounds wait for it
            }
            foreach (var i in cycle)
            {
                var round = samples[i].Count + 1;
                var auto = ops[i] == 0 ? PilotRule.AutoFor(targets[i]) : null;
                var roundStarted = TimingTrace.Start();
                await using var process = processes.Take(i);
                var pilotOnly = auto is not null && !RoundsPolicy.AutoRoundIsASample(adapters[i].Manifest.Language); // its values are no sample: time one
                var probeOps = judged.ProbeOpsFor(i);
                var (perf, failure) = await measurer.RoundAsync(adapters[i], experiment, inputs, ops[i], round, ct, pilotOnly ? 1 : values[i], auto, process, probeOps);
                if (failure is not null)
                {
                    return new Outcome(null, adapters[i], failure);
                }
                var piloted = ops[i] == 0;
                ops[i] = perf!.OpsPerValue;
                if (piloted && !RoundsPolicy.AutoRoundIsASample(adapters[i].Manifest.Language))
                {
                    trace.Pilot(i, 1, roundStarted);
                    continue; // its process was the pilot only; the library is in the next cycle for its first sample
                }
                trace.Round(i, roundStarted, perf);
                var sample = perf!.RoundNsPerOp; // the values' median, raw minus the adapter's empty-loop cost (protocol 3)
                bool stoodContended;
                if (probeOps is not null && perf.ProbeNs is { } probeNs)
                {
                    // Protocol 7: the values are judged by the probe chunks beside them; the sample is the kept values' median.
                    // Affords(0): this round's sample is not in yet, so the owed rounds already count its retake.
                    if (judged.JudgeValues(i, probeNs, perf.ValueCount, Affords(0)) is not { } verdict)
                    {
                        judged.Discarded(i, sample);
                        onDiscarded?.Invoke(adapters[i], round, libraries[i].PlannedOf(policy), sample);
                        continue; // every value contended: the rule asks for the round again
                    }
                    sample = perf.RoundNsPerOpOf(verdict.Kept);
                    stoodContended = verdict.Contended;
                }
                else
                {
                    stoodContended = judged.Ran(i, cycles.Last);
                }
                contended[i].Add(stoodContended);
                samples[i].Add(sample);
                answers[i].Add(perf);
                sequence[i].Add(next++);
                roundCycles[i].Add(cycles.Index);
                clockRes[i] = perf.ClockResNs;
                onRound(adapters[i], round, libraries[i].PlannedOf(policy), sample);
            }
            cyclesRun++;
        }

        trace.Write(experiment.Id, adapters, processes.Started, processes.PeakIdle);
        var summaries = adapters.Select((a, i) =>
        {
            // The contended rounds are left out of every per-round list alike, or kept in all of them (StandingRounds).
            var kept = StandingRounds.Kept(answers[i], contended[i]);
            return PerformanceSummary.From(StandingRounds.Kept(samples[i], contended[i]), ops[i], clockRes[i])
                .FlaggedIfContended(StandingRounds.Uncontended(contended[i])) with
            {
                Loop = LoopCost.From(kept, a.Manifest.SpeaksV3),
                RoundsPlanned = libraries[i].PlannedOf(policy),
                RoundsMax = libraries[i].MaxRounds,
                RoundsStop = RoundsRule.StopOf(libraries[i], policy).ToWire(),
                RoundSequence = StandingRounds.Kept(sequence[i], contended[i]),
                ValuesPerRound = a.Manifest.SpeaksV4 ? values[i] : null,
                RoundValuesNs = a.Manifest.SpeaksV4 ? kept.Select(p => p.NetValuesNsPerOp).ToList() : null,
                ProbeNs = cycles.Samples,
                RoundCycles = probe is null ? null : StandingRounds.Kept(roundCycles[i], contended[i]),
                Contention = judged.RecordOf(i, cycles.Retakes) is { } record
                    ? record with { ContendedSamplesNs = StandingRounds.Contended(samples[i], contended[i]), ContendedLeftOut = StandingRounds.LeavesOut(contended[i]) }
                    : null,
            };
        }).ToList();
        return new Outcome(summaries, null, null);
    }

    /// <summary>The share of the experiment's native libraries' timing budget its probes may be taken again in, waiting for an
    /// uncontended machine (docs/engine.md, "Contended cycles"): a quarter (about 0.25 s for two C libraries), paid from the
    /// budget, so that the rest of it still buys rounds on a machine contended throughout.</summary>
    internal const double ContendedRetakeShare = 0.25;

    /// <summary>Rounds of this library certain from here: the planned ones left, plus a JavaScript pilot-only round still to come; at least this cycle's.</summary>
    private int CertainRounds(AdapterInfo adapter, int samples, long ops) =>
        Math.Max(1, policy.PlannedFor(adapter.Manifest.Language) - samples + (ops == 0 && !RoundsPolicy.AutoRoundIsASample(adapter.Manifest.Language) ? 1 : 0));
}
