using AstroBench.Core.Adapters;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Statistics;

namespace AstroBench.Core.Running;

/// <summary>
/// One experiment's timing (<see cref="TimingSchedule"/>'s rules), as state that outlives a call so that it can run in two
/// parts with other experiments' timing between them (docs/engine.md, "Timing in two parts"). <see cref="RunAsync"/> with
/// <c>firstPart</c> stops before a cycle once every library has <see cref="FirstPartRounds"/> rounds and the last cycle is
/// judged; a later <see cref="RunAsync"/> goes on from there to the end. The time between the parts is not the
/// experiment's: the budget, the retake rule and <c>spent</c> leave it out.
/// </summary>
public sealed class ExperimentTiming
{
    private readonly PerfMeasurer measurer;
    private readonly RoundsPolicy policy;
    private readonly TimeProvider clock;
    private readonly MachineProbe? probe;
    private readonly TimeSpan readyTimeout;
    private readonly IReadOnlyList<AdapterInfo> adapters;
    private readonly ExperimentDefinition experiment;
    private readonly InputTable inputs;
    private readonly TimingSchedule.RoundDone onRound;
    private readonly TimingSchedule.RoundDone? onDiscarded;

    private readonly long started;
    private readonly TimeSpan budget;
    private readonly long[] ops;
    private readonly TimingTrace trace;
    private readonly TimeSpan[] targets;
    private readonly List<double>[] samples;
    private readonly List<int>[] sequence;
    private readonly List<PerfMeasurement>[] answers;
    private readonly double[] clockRes;
    // Beside samples: whether the round stood although the machine was contended (docs/engine.md, "Contended rounds left out").
    private readonly List<bool>[] contended;
    private readonly List<int>[] roundParts;
    private readonly RoundsRule.Library[] libraries;
    private readonly int[] values;
    private readonly ContentionGate? contention;
    private ExperimentProbe cycles = null!; // made once the pilots have run (PilotAsync): it needs their op counts
    private readonly List<int>[] roundCycles;
    private readonly ContendedRounds judged;

    private bool piloted;
    private int next;
    private int cyclesRun;
    private int part;
    private long? partEnded;
    private TimeSpan between;
    private int prestarted;
    private int peakIdle;
    private TimingSchedule.Outcome? failed;

    internal ExperimentTiming(PerfMeasurer measurer, RoundsPolicy policy, TimeProvider clock, MachineProbe? probe, TimeSpan readyTimeout,
        ContentionGate? contention, ContentionGate? valueContention, IReadOnlyList<AdapterInfo> adapters, ExperimentDefinition experiment,
        InputTable inputs, TimeSpan valueTarget, TimingSchedule.RoundDone onRound, TimingSchedule.RoundDone? onDiscarded)
    {
        this.measurer = measurer;
        this.policy = policy;
        this.clock = clock;
        this.probe = probe;
        this.readyTimeout = readyTimeout;
        this.adapters = adapters;
        this.experiment = experiment;
        this.inputs = inputs;
        this.onRound = onRound;
        this.onDiscarded = onDiscarded;
        started = clock.GetTimestamp();
        budget = policy.BudgetFor(adapters.Count);
        ops = new long[adapters.Count];
        trace = new TimingTrace(adapters.Count);
        targets = adapters.Select(a => RoundsPolicy.ValueTargetFor(a.Manifest.Language, valueTarget)).ToArray();
        samples = adapters.Select(_ => new List<double>()).ToArray();
        sequence = adapters.Select(_ => new List<int>()).ToArray();
        answers = adapters.Select(_ => new List<PerfMeasurement>()).ToArray();
        clockRes = new double[adapters.Count];
        contended = adapters.Select(_ => new List<bool>()).ToArray();
        roundParts = adapters.Select(_ => new List<int>()).ToArray();
        libraries = adapters.Select((a, i) => new RoundsRule.Library(samples[i], policy.MaxFor(a.Manifest.Language),
            policy.PlannedFor(a.Manifest.Language), policy.SeTargetFor(a.Manifest.Language), contended[i])).ToArray();
        values = adapters.Select(a => a.Manifest.SpeaksV4 ? policy.ValuesFor(a.Manifest.Language) : 1).ToArray();
        this.contention = contention;
        roundCycles = adapters.Select(_ => new List<int>()).ToArray();
        var native = adapters.Select(a => RoundsPolicy.IsNative(a.Manifest.Language)).ToList();
        judged = new ContendedRounds(probe is null ? null : contention, native, adapters.Select(a => policy.PlannedFor(a.Manifest.Language)).ToList(),
            policy.BudgetFor(native.Count(n => n)) * TimingSchedule.ContendedRetakeShare, valueContention);
    }

    /// <summary>Whether the timing has ended (its last cycle judged) or failed.</summary>
    public bool Done { get; private set; }

    /// <summary>The rounds of a library the first part stops after: the first half of its planned rounds, rounded up.</summary>
    public int FirstPartRounds(int library) => (libraries[library].PlannedOf(policy) + 1) / 2;

    /// <summary>Runs cycles until the timing ends, or with <paramref name="firstPart"/> until the first part's rounds are in.</summary>
    public async Task RunAsync(bool firstPart, CancellationToken ct)
    {
        if (Done)
        {
            return;
        }
        if (partEnded is { } ended)
        {
            between += clock.GetElapsedTime(ended); // another experiment's time, not this one's
            partEnded = null;
        }
        part++;
        await using var processes = new TimingProcesses(measurer.Runner, readyTimeout);
        try
        {
            if (!await PilotAsync(ct) || !await CyclesAsync(processes, firstPart, ct))
            {
                Done = true;
            }
        }
        finally
        {
            prestarted += processes.Started;
            peakIdle = Math.Max(peakIdle, processes.PeakIdle);
        }
        if (!Done)
        {
            partEnded = clock.GetTimestamp();
        }
    }

    /// <summary>The summaries, or the first library whose timing failed; only once <see cref="Done"/>.</summary>
    public TimingSchedule.Outcome Finish()
    {
        if (!Done)
        {
            throw new InvalidOperationException($"{experiment.Id}: timing has not ended");
        }
        if (failed is not null)
        {
            return failed;
        }
        trace.Write(experiment.Id, adapters, prestarted, peakIdle);
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
                RoundParts = part > 1 ? StandingRounds.Kept(roundParts[i], contended[i]) : null,
                ValuesPerRound = a.Manifest.SpeaksV4 ? values[i] : null,
                RoundValuesNs = a.Manifest.SpeaksV4 ? kept.Select(p => p.NetValuesNsPerOp).ToList() : null,
                ProbeNs = cycles.Samples,
                RoundCycles = probe is null ? null : StandingRounds.Kept(roundCycles[i], contended[i]),
                Contention = judged.RecordOf(i, cycles.Retakes) is { } record
                    ? record with { ContendedSamplesNs = StandingRounds.Contended(samples[i], contended[i]), ContendedLeftOut = StandingRounds.LeavesOut(contended[i]) }
                    : null,
            };
        }).ToList();
        return new TimingSchedule.Outcome(summaries, null, null);
    }

    private bool Fail(int library, PerfMeasurer.Failure failure)
    {
        failed = new TimingSchedule.Outcome(null, adapters[library], failure);
        return false;
    }

    /// <summary>Pilots of adapters without protocol 5 (a protocol 5 adapter pilots itself in its first round: <c>ops auto</c>).</summary>
    private async Task<bool> PilotAsync(CancellationToken ct)
    {
        if (piloted)
        {
            return true;
        }
        piloted = true;
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
                return Fail(i, failure);
            }
            ops[i] = roundOps;
        }
        // The cycles the planned rounds need on an uncontended machine: their probes stay out of the budget, later ones are paid from it.
        var plannedCycles = adapters.Select((a, i) => CertainRounds(a, 0, ops[i])).DefaultIfEmpty(0).Max();
        cycles = new ExperimentProbe(probe, clock, contention, plannedCycles);
        return true;
    }

    private void Apply(ContendedRounds.CycleVerdict verdict)
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
            roundParts[i].RemoveAt(roundParts[i].Count - 1);
        }
    }

    // A contended round is taken again, and a contended cycle waited for, only while the experiment's timing budget
    // lasts: planned rounds are owed whatever the budget, so past it either would only add run time (on a machine
    // contended throughout; in the full catalog, whose interpreters' planned rounds alone outlast the budget).
    // Nor once the budget left no longer pays for the planned rounds still owed (RetakeBudget): each would then add run time.
    private TimeSpan Spent() => clock.GetElapsedTime(started) - between - cycles.OutsideBudget;

    private bool Affords(int extraCycles) => RetakeBudget.Affords(Spent(), budget, cycles.RetakeSpent, cyclesRun,
        libraries.Select(l => Math.Max(0, l.PlannedOf(policy) - l.SamplesNs.Count)).Max(), extraCycles);

    private bool FirstPartIn() => libraries.Select((l, i) => l.SamplesNs.Count >= FirstPartRounds(i)).All(x => x);

    /// <summary>The cycles of this part; false when the timing ended (or failed), true when the first part stopped before it did.</summary>
    private async Task<bool> CyclesAsync(TimingProcesses processes, bool firstPart, CancellationToken ct)
    {
        while (true)
        {
            var wanted = RoundsRule.Next(libraries, policy, Spent(), budget);
            // The first part ends like the timing: its last cycle judged by a closing probe, not by the next part's first probe.
            if (wanted.Count == 0 || (firstPart && FirstPartIn()))
            {
                if (!judged.HasPending)
                {
                    return wanted.Count > 0;
                }
                // A closing probe judges the last cycle's native rounds; discarded ones make the rule ask again.
                await cycles.StartCycleAsync(ct);
                Apply(judged.Judge(cycles.Last, Affords(1)));
                continue;
            }
            // In the first part only the libraries still short of their first half: a retake of one library's discarded round
            // must not carry the others' second-half rounds into the first part (they would then have most of their rounds in it).
            var cycle = firstPart ? wanted.Where(i => samples[i].Count < FirstPartRounds(i)).ToList() : wanted;
            // Every start-up of the cycle first, side by side; the probe and the rounds only once all are ready.
            var wants = cycle.Select(i => new TimingProcesses.Want(i, adapters[i], CertainRounds(adapters[i], samples[i].Count, ops[i]))).ToList();
            var fillStarted = TimingTrace.Start();
            var notReady = await processes.FillAsync(wants, ct);
            trace.Fill(fillStarted);
            if (notReady is not null)
            {
                var detail = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"round {samples[notReady.Value.Library].Count + 1}: {notReady.Value.Failure.Detail}");
                return Fail(notReady.Value.Library, new PerfMeasurer.Failure(notReady.Value.Failure.Outcome, detail));
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
                if (!await RoundAsync(processes, i, ct))
                {
                    return false;
                }
            }
            cyclesRun++;
        }
    }

    /// <summary>One round of library <paramref name="i"/>; false when it failed.</summary>
    private async Task<bool> RoundAsync(TimingProcesses processes, int i, CancellationToken ct)
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
            return Fail(i, failure);
        }
        var wasPilot = ops[i] == 0;
        ops[i] = perf!.OpsPerValue;
        if (wasPilot && !RoundsPolicy.AutoRoundIsASample(adapters[i].Manifest.Language))
        {
            trace.Pilot(i, 1, roundStarted);
            return true; // its process was the pilot only; the library is in the next cycle for its first sample
        }
        trace.Round(i, roundStarted, perf);
        var sample = perf.RoundNsPerOp; // the values' median, raw minus the adapter's empty-loop cost (protocol 3)
        bool stoodContended;
        if (probeOps is not null && perf.ProbeNs is { } probeNs)
        {
            // Protocol 7: the values are judged by the probe chunks beside them; the sample is the kept values' median.
            // Affords(0): this round's sample is not in yet, so the owed rounds already count its retake.
            if (judged.JudgeValues(i, probeNs, perf.ValueCount, Affords(0)) is not { } verdict)
            {
                judged.Discarded(i, sample);
                onDiscarded?.Invoke(adapters[i], round, libraries[i].PlannedOf(policy), sample);
                return true; // every value contended: the rule asks for the round again
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
        roundParts[i].Add(part);
        clockRes[i] = perf.ClockResNs;
        onRound(adapters[i], round, libraries[i].PlannedOf(policy), sample);
        return true;
    }

    /// <summary>Rounds of this library certain from here: the planned ones left, plus a JavaScript pilot-only round still to come; at least this cycle's.</summary>
    private int CertainRounds(AdapterInfo adapter, int done, long opsNow) =>
        Math.Max(1, policy.PlannedFor(adapter.Manifest.Language) - done + (opsNow == 0 && !RoundsPolicy.AutoRoundIsASample(adapter.Manifest.Language) ? 1 : 0));
}
