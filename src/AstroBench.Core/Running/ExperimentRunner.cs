using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Experiments;
using AstroBench.Core.Inputs;
using AstroBench.Core.Metrics;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Protocol;
using AstroBench.Core.Statistics;
using AstroBench.Core.Ranking;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// Finishes one experiment into the staging folder: its accuracy set (inputs and calls, from
/// <see cref="AccuracyStage"/>, reported in plan order) → scoring → perf → files. A failing candidate is recorded with its outcome; a failing reference fails the experiment.
/// Timing results carry <paramref name="segment"/>, the index of the run segment they were measured in (docs/checkpoints.md).
/// </summary>
/// <remarks>With <paramref name="remembered"/> levels (docs/engine.md, "Remembered levels") the run's contention gates judge
/// by them too from the first sample on.</remarks>
public sealed class ExperimentRunner(RunOptions options, AdapterProcessRunner runner, IRunReporter reporter, int segment = 0,
    Caching.RememberedLevels? remembered = null)
{
    public sealed record Result(bool Ok, string? FailureReason, IReadOnlyList<LibraryResult> Libraries);

    /// <summary>The run's: the uncontended level is the machine's over every experiment timed so far (docs/engine.md, "Contended cycles").</summary>
    private readonly ContentionGate contention = Gate(remembered?.Probe);

    /// <summary>The run's gate for the probe chunks inside native timing processes (protocol 7; docs/engine.md, "Contended values").</summary>
    private readonly ContentionGate valueContention = Gate(remembered?.Chunks);

    /// <summary>The levels of the run's own samples (probe process, probe chunks) so far: what the next run may remember.</summary>
    public (double? Probe, double? Chunks) OwnLevels => (contention.OwnLevel, valueContention.OwnLevel);

    private static ContentionGate Gate(Caching.RememberedLevel? level)
    {
        var gate = new ContentionGate();
        if (level is not null)
        {
            gate.Remember(level.LevelNs);
        }
        return gate;
    }

    internal sealed record LibraryRun(AdapterInfo Adapter, ExperimentSupport Support, AdapterCallResult Call)
    {
        /// <summary>Let go of the outputs once the cases are written, when the result files are still to come.</summary>
        public AdapterCallResult Call { get; set; } = Call;

        public AccuracyEvaluation.Evaluation? Evaluation { get; set; }
        public PerformanceSummary? Perf { get; set; }
        public CachedOutputs? Cached { get; init; }
    }

    /// <summary>A cancelled call stops the run as a cancel, never counted as a failed (or finished) experiment.</summary>
    private static void ThrowIfCancelled(CallOutcome outcome, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (outcome == CallOutcome.Cancelled)
        {
            throw new OperationCanceledException("an adapter was stopped by a signal: the run is being cancelled");
        }
    }

    /// <summary>Finishes an experiment from its accuracy set (see <see cref="AccuracyStage"/>): scoring, timing, files.</summary>
    public async Task<Result> RunAsync(PlannedExperiment plan, Task<AccuracySet> accuracy, string stagingDir, CancellationToken ct) =>
        await FinishAsync(await BeginAsync(plan, accuracy, stagingDir, splitTiming: false, ct), stagingDir, ct);

    /// <summary>An experiment scored and partly timed: with its timing in two parts (docs/engine.md, "Timing in two parts"),
    /// the first part is done and its cases are written; the rest (the second part, the result files) is
    /// <see cref="FinishAsync"/>'s. Or the experiment already failed (<see cref="Failed"/>).</summary>
    public sealed class Begun
    {
        internal Begun(PlannedExperiment plan, Result failed)
        {
            Plan = plan;
            Failed = failed;
        }

        internal Begun(PlannedExperiment plan, List<LibraryRun> runs, InputTable inputs, string fingerprint, Action<string, string> report)
        {
            Plan = plan;
            Runs = runs;
            Inputs = inputs;
            Shape = new DatasetShape(inputs.Rows, inputs.EdgeCases, inputs.Columns);
            Fingerprint = fingerprint;
            Report = report;
        }

        public PlannedExperiment Plan { get; }

        /// <summary>Not null: the experiment failed before its timing (a reference or candidate call did).</summary>
        public Result? Failed { get; }

        /// <summary>Whether the experiment's second timing part is still to come.</summary>
        public bool AwaitsSecondPart => Timing is { Done: false };

        internal List<LibraryRun> Runs { get; } = [];
        /// <summary>The inputs until the cases are written (null after: the timing holds its own copy of the rows it sends).</summary>
        internal InputTable? Inputs { get; set; }
        internal DatasetShape Shape { get; } = new(0, 0, []);
        internal string Fingerprint { get; } = "";
        internal Action<string, string> Report { get; } = (_, _) => { };
        internal ExperimentTiming? Timing { get; set; }
        internal List<LibraryRun> Timed { get; set; } = [];
        internal bool CasesWritten { get; set; }
    }

    /// <summary>Accuracy, scoring and the timing's first part (all of it unless <paramref name="splitTiming"/> and
    /// <see cref="RoundsPolicy.SplitsTiming"/> say two parts); with a second part to come, also writes the cases and lets go
    /// of the outputs, so that experiments waiting for their second part hold only what their result files need.</summary>
    public async Task<Begun> BeginAsync(PlannedExperiment plan, Task<AccuracySet> accuracy, string stagingDir, bool splitTiming, CancellationToken ct)
    {
        var def = plan.Definition;
        var libraries = plan.AllLibraries.ToList();
        var totalSteps = RunSteps.Count(libraries.Count, options.NoPerf);
        var step = 0;
        void Report(string name, string message) => reporter.Step(def.Id, name, ++step, totalSteps, message);

        var set = await accuracy;
        var inputs = set.Inputs;
        var fingerprint = set.Fingerprint;
        Report(RunSteps.Inputs, $"generated {inputs.Rows} cases ({inputs.EdgeCases} edge cases, fingerprint {fingerprint[..19]}…)");

        var runs = new List<LibraryRun>();
        foreach (var pending in set.Calls)
        {
            var (adapter, call, cached, shards) = await pending;
            ThrowIfCancelled(call.Outcome, ct);
            runs.Add(new LibraryRun(adapter, adapter.Manifest.Experiments[def.Id], call) { Cached = cached });
            var what = cached is not null
                ? $"{adapter.Name} from the reference cache (computed by run {cached.SourceRun})"
                : call.Outcome == CallOutcome.Completed
                ? $"{adapter.Name} completed in {call.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s{(shards > 1 ? $" ({shards} shards)" : "")}"
                : $"{adapter.Name} {call.Outcome.ToWire()}: {call.Detail}";
            Report(RunSteps.Accuracy, what);
            if (adapter == plan.Reference && call.Outcome != CallOutcome.Completed)
            {
                return new Begun(plan, new Result(false, $"reference {adapter.Name} {call.Outcome.ToWire()}: {call.Detail}", []));
            }
        }

        // A library that crashed, hung or printed garbage fails the experiment (and so the run): a
        // published run never hides a broken library behind a missing row. Skipped is an answer, not a failure.
        var broken = runs.FirstOrDefault(r => r.Call.Outcome is not (CallOutcome.Completed or CallOutcome.Skipped));
        if (broken is not null)
        {
            return new Begun(plan, new Result(false, $"{broken.Adapter.Name} {broken.Call.Outcome.ToWire()}: {broken.Call.Detail}", []));
        }

        RunTrace.Mark(def.Id + " accuracy calls done");
        var reference = runs[0];
        foreach (var run in runs.Where(r => r.Call.Outcome == CallOutcome.Completed))
        {
            run.Evaluation = AccuracyEvaluation.Evaluate(def, inputs, reference.Call.Outputs!, run.Call.Outputs!, run.Support.Outputs);
        }

        var begun = new Begun(plan, runs, inputs, fingerprint, Report);
        if (!options.NoPerf)
        {
            begun.Timed = runs.Where(r => r.Call.Outcome == CallOutcome.Completed).ToList();
            var timedAdapters = begun.Timed.Select(r => r.Adapter).ToList();
            var schedule = new TimingSchedule(new PerfMeasurer(runner), RoundsPolicy.Of(options), TimeProvider.System,
                options.MachineProbePath is { } probe ? new MachineProbe(probe) : null, contention: contention, valueContention: valueContention);
            // Timing sends only the last rows (AdapterRequest.PerfCases): a copy of them is what a second part needs of the inputs.
            begun.Timing = schedule.Begin(timedAdapters, def, inputs.LastRows(AdapterRequest.PerfCases(inputs.Rows)), options.PerfValueTarget,
                (adapter, r, planned, ns) => reporter.Info($"  {def.Id} {adapter.Name} {(r <= planned ? $"round {r}/{planned}" : $"extra round {r}")}: {ns.ToString("0.###", CultureInfo.InvariantCulture)} ns/op"),
                (adapter, r, _, ns) => reporter.Info($"  {def.Id} {adapter.Name} round {r} discarded ({ns.ToString("0.###", CultureInfo.InvariantCulture)} ns/op): the machine was contended, taken again"));
            await begun.Timing.RunAsync(firstPart: splitTiming && RoundsPolicy.SplitsTiming(timedAdapters), ct);
            if (begun.AwaitsSecondPart)
            {
                await WriteCasesAsync(def, runs, inputs, stagingDir, ct);
                begun.CasesWritten = true;
                begun.Inputs = null;
                foreach (var run in runs)
                {
                    run.Call = run.Call with { Outputs = null };
                    run.Evaluation = run.Evaluation is { } e ? e with { PrimaryPerCase = [] } : null;
                }
                RunTrace.Mark(def.Id + " first timing part done");
            }
        }
        return begun;
    }

    /// <summary>The timing's second part (if any) and the result files.</summary>
    public async Task<Result> FinishAsync(Begun begun, string stagingDir, CancellationToken ct)
    {
        if (begun.Failed is { } failedEarly)
        {
            return failedEarly;
        }
        var plan = begun.Plan;
        var def = plan.Definition;
        var runs = begun.Runs;
        if (begun.Timing is { } timing)
        {
            await timing.RunAsync(firstPart: false, ct);
            var outcome = timing.Finish();
            if (outcome.Failure is { } failure)
            {
                ThrowIfCancelled(failure.Outcome, ct);
                return new Result(false, $"{outcome.Failed!.Name} perf {failure.Outcome.ToWire()}: {failure.Detail}", []);
            }
            for (var i = 0; i < begun.Timed.Count; i++)
            {
                begun.Timed[i].Perf = outcome.Summaries![i];
            }
            // Step lines in plan order once every round is done: the rounds themselves were interleaved.
            foreach (var run in runs)
            {
                begun.Report(RunSteps.Perf, run.Perf is { } s ? PerfLine(run.Adapter.Name, s) : $"{run.Adapter.Name}: not timed ({run.Call.Outcome.ToWire()})");
            }
        }

        RunTrace.Mark(def.Id + " scored");
        var results = runs.Select(r => ToResult(plan, r, begun.Shape, begun.Fingerprint)).ToList();
        if (!begun.CasesWritten)
        {
            await WriteCasesAsync(def, runs, begun.Inputs!, stagingDir, ct);
        }
        await WriteResultsAsync(plan, results, stagingDir, ct);
        begun.Report(RunSteps.Write, $"wrote {results.Count} result files");
        return new Result(true, null, results);
    }

    private string PerfLine(string library, PerformanceSummary s)
    {
        var rounds = s.Rounds != options.EffectivePerfRounds || s.RoundsStop is not "planned" ? $", {s.Rounds} rounds ({s.RoundsStop})" : "";
        var invalid = s.Valid ? "" : " (invalid: " + s.InvalidReason + ")";
        return $"{library} median {s.MedianNs.ToString("0.###", CultureInfo.InvariantCulture)} ns/op, CV {s.CvPercent.ToString("0.0", CultureInfo.InvariantCulture)} %{rounds}{invalid}";
    }

    /// <summary>What a result file says of the inputs.</summary>
    internal sealed record DatasetShape(int Rows, int EdgeCases, IReadOnlyList<string> Columns);

    private LibraryResult ToResult(PlannedExperiment plan, LibraryRun run, DatasetShape inputs, string fingerprint)
    {
        var def = plan.Definition;
        var isReference = run.Adapter == plan.Reference;
        var referenceSupport = plan.Reference.Manifest.Experiments[def.Id];
        var uncertainty = def.ReferenceUncertaintyFor(plan.Reference.Name);
        var parity = isReference ? Parity.Reference
            : run.Support.Parity ?? (run.Support.Model == referenceSupport.Model ? Parity.ModelParity : Parity.ModelMismatch);
        return new LibraryResult(LibraryResult.SchemaId, def.Id, run.Adapter.Name, isReference ? "reference" : "candidate",
            plan.Reference.Name, run.Support.Model, referenceSupport.Model, parity, run.Support.Conventions,
            run.Call.Outcome.ToWire(), run.Call.Detail,
            new DatasetInfo(inputs.Rows, options.Seed, inputs.EdgeCases, fingerprint, inputs.Columns, def.OutputColumns),
            run.Evaluation?.Result, run.Perf is { } perf ? Labelled(perf with { Segment = segment }, SpeedupLabels.For(def, parity, run.Support.Outputs, referenceSupport.Outputs)) : null, run.Cached,
            uncertainty, isReference ? null : ReferenceUncertaintyCheck.IsWithin(run.Evaluation?.Result, uncertainty));
    }

    private static PerformanceSummary Labelled(PerformanceSummary perf, SpeedupLabels.Label? label) =>
        perf with { SpeedupLabel = label?.Value, SpeedupLabelReason = label?.Reason };

    /// <summary>Each library's result file (with its speedup against the reference) and the experiment's summary.</summary>
    private static async Task WriteResultsAsync(PlannedExperiment plan, List<LibraryResult> results, string stagingDir, CancellationToken ct)
    {
        var def = plan.Definition;
        var dir = Path.Combine(stagingDir, def.Id);
        Directory.CreateDirectory(dir);

        // The reference is the first run of a plan (see ToResult's role).
        var reference = results[0].Performance;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Performance is { } p)
            {
                results[i] = results[i] with { Performance = p.WithSpeedupAgainst(reference, isReference: i == 0) };
            }
            await AtomicFile.WriteJsonAsync(Path.Combine(dir, results[i].Library + ".json"), results[i], ct);
        }
        await AtomicFile.WriteTextAsync(Path.Combine(dir, "summary.md"), SummaryMarkdown.Experiment(def.Id, def.Title, results), ct);
    }

    /// <summary>The experiment's cases: inputs, every library's outputs and the per-case metric.</summary>
    private static async Task WriteCasesAsync(ExperimentDefinition def, List<LibraryRun> runs, InputTable inputs, string stagingDir, CancellationToken ct)
    {
        var dir = Path.Combine(stagingDir, def.Id);
        Directory.CreateDirectory(dir);
        var width = def.OutputColumns.Count;
        var columns = runs.Select((r, i) => new CasesParquetWriter.LibraryColumns(
            r.Adapter.Name, r.Call.Outputs, width,
            i == 0 ? null : r.Evaluation?.Result.PrimaryMetric ?? def.Scorer.PrimaryMetric,
            i == 0 ? null : r.Evaluation?.PrimaryPerCase)).ToList();
        await CasesParquetWriter.WriteAsync(dir, inputs, def.OutputColumns, def.CaseOutputCount, columns, ct);
    }
}
