using System.Globalization;
using AstroBench.Core.Adapters;
using AstroBench.Core.Caching;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Storage;
using AstroBench.Core.Testbeds;

namespace AstroBench.Core.Running;

/// <summary>
/// Runs a resolved plan into a new run folder: reserve an id, run each experiment into staging,
/// write the manifest and summary, publish with one rename. Cancellation or any failure deletes the staging
/// folder, so no partial run is ever visible. A <see cref="Pause"/> keeps the staging folder as a checkpoint
/// instead (docs/checkpoints.md); <see cref="ResumeAsync"/> continues it with the next experiment.
/// </summary>
public sealed class Orchestrator(RunOptions options, IRunReporter reporter, string? repoRoot)
{
    /// <summary>Read before each experiment (boundary) and while one runs (now); null: the run cannot be paused.</summary>
    public PauseRequest? Pause { get; init; }

    public async Task<RunOutcome> RunAsync(RunPlan plan, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        RunStaging reserved;
        try
        {
            reserved = RunStaging.Reserve(options.ResultsDir, startedAt);
        }
        catch (Exception ex) when (DiskFull.Is(ex))
        {
            return Finish(DiskFullOutcome(0, plan.Experiments.Count));
        }
        using var staging = reserved;
        return await RunCoreAsync(plan, staging, RunSegments.First(startedAt), null, ct);
    }

    /// <summary>Continues a claimed checkpoint; <paramref name="resume"/>'s options must be this orchestrator's.</summary>
    public async Task<RunOutcome> ResumeAsync(ResumePoint resume, CancellationToken ct)
    {
        using var staging = resume.Staging;
        return await RunCoreAsync(resume.Plan, staging, RunSegments.After(resume.Checkpoint, DateTimeOffset.UtcNow), resume, ct);
    }

    private async Task<RunOutcome> RunCoreAsync(RunPlan plan, RunStaging staging, RunSegments segments, ResumePoint? resume, CancellationToken ct)
    {
        var cache = options.UseReferenceCache ? new ReferenceCache(ReferenceCache.RootFor(options.ResultsDir), options.ReferenceCacheMaxBytes) : null;
        var outcome = await RunStagedAsync(plan, staging, segments, resume, cache, ct);
        if (outcome.Status is not (RunStatus.Completed or RunStatus.Paused))
        {
            // Entries of a run that is never published would name a run nobody can open.
            TryCache(() => cache?.Discard(staging.RunId));
        }
        return outcome;
    }

    private void TryCache(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: a cache that cannot be written never fails a run.
            reporter.Info("reference cache not updated: " + ex.Message);
        }
    }

    private async Task<RunOutcome> RunStagedAsync(RunPlan plan, RunStaging staging, RunSegments segments, ResumePoint? resume,
        ReferenceCache? cache, CancellationToken ct)
    {
        var completed = new List<string>(resume?.Checkpoint.Completed ?? []);
        reporter.RunStarted(staging.RunId, plan.Experiments.Count, plan.Libraries, options.N, options.Seed);
        foreach (var notice in plan.Notices)
        {
            reporter.Info(notice);
        }
        if (resume is not null)
        {
            reporter.Info($"resuming {staging.RunId} from its checkpoint: {completed.Count} of {plan.Experiments.Count} experiments done, segment {segments.Index}");
        }
        // The version commands and fingerprints run beside the first experiments' accuracy calls: only a reference-cache
        // key, a checkpoint and the manifest need them, so the run no longer waits for them before its first call.
        // Likewise the environment probe (git, cc) for the manifest.
        var capture = resume is null ? RunAdapters.CaptureAsync(plan, ct) : Task.FromResult(resume.Adapters);
        var environment = EnvironmentProbe.CaptureAsync(repoRoot);
        try
        {
            return await RunExperimentsAsync(plan, staging, segments, completed, capture, environment, cache, ct);
        }
        finally
        {
            // Never leave a version command running (or its failure unobserved) behind a failed or cancelled run.
            await Task.WhenAll(capture, environment).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<RunOutcome> RunExperimentsAsync(RunPlan plan, RunStaging staging, RunSegments segments, List<string> completed,
        Task<IReadOnlyList<CheckpointAdapter>> capture, Task<RunEnvironment> environment, ReferenceCache? cache, CancellationToken ct)
    {
        var total = plan.Experiments.Count;
        var done = completed.Count;
        try
        {
            if (!options.NoPerf)
            {
                // Timing rounds run alone: no version command (an interpreter's start-up) or probe may run beside the first ones.
                await Task.WhenAll(capture, environment);
            }
            var processes = new AdapterProcessRunner(options.CallTimeout, options.AdapterMemoryMb is { } mb ? new AddressSpaceLimit(mb) : null);
            var levels = LoadLevels();
            var runner = new ExperimentRunner(options, processes, reporter, segments.Index, levels);
            await using var calls = new AccuracyCalls(processes, options.Transport, options.Jobs, options.ShardRows);
            var stage = new AccuracyStage(options, calls, cache, capture, staging.RunId);
            var remaining = plan.Experiments.Where(e => !completed.Contains(e.Definition.Id)).ToList();
            using var nowOrCancel = CancellationTokenSource.CreateLinkedTokenSource(ct, Pause?.NowToken ?? CancellationToken.None);
            // Timing rounds must run alone: with perf on, only the current experiment's libraries run their accuracy calls at once.
            await using var prefetch = new AccuracyPrefetch(remaining, stage.RunAsync, options.NoPerf ? options.Jobs : 1, nowOrCancel.Token);
            async Task<RunOutcome> PausedAsync(PauseMode mode, string reason)
            {
                var adapters = await capture;
                CheckpointFile.Write(staging.StagingPath, new Checkpoint(Checkpoint.SchemaId, staging.RunId, segments.RunStartedAt,
                    RunResume.ConfigOf(options), LabBuild.Id, adapters, RunAdapters.Plan(plan), completed,
                    segments.Close(RunSegmentReasons.Of(mode), DateTimeOffset.UtcNow), segments.Calls(processes), segments.CallSeconds(processes)));
                CheckpointClaim.Release(staging.StagingPath);
                staging.Keep();
                return Finish(new RunOutcome(RunStatus.Paused, null, null, done, total, [], reason, staging.StagingPath));
            }

            // Experiments timed in two parts (docs/engine.md, "Timing in two parts") wait here, in plan order, for their second
            // part: every experiment's first part comes first, so that a slow spell of the machine falls on parts of several.
            var awaiting = new List<ExperimentRunner.Begun>();

            // One experiment's step (its start, or its second part and files): null to go on, else how the run ends.
            async Task<RunOutcome?> StepAsync(string id, Func<CancellationToken, Task<ExperimentRunner.Result?>> work)
            {
                ExperimentRunner.Result? result;
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, Pause?.NowToken ?? CancellationToken.None);
                try
                {
                    result = await work(linked.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested && Pause?.Mode == PauseMode.Now)
                {
                    // The stopped experiment's partial files are not part of the checkpoint, nor those of the experiments
                    // waiting for their second timing part: a resume redoes them from scratch.
                    foreach (var partial in awaiting.Select(b => b.Plan.Definition.Id).Append(id).Distinct())
                    {
                        var folder = Path.Combine(staging.StagingPath, partial);
                        if (Directory.Exists(folder))
                        {
                            Directory.Delete(folder, recursive: true);
                        }
                    }
                    return await PausedAsync(PauseMode.Now, $"paused during {id} (it will be redone): checkpoint {staging.StagingPath}");
                }
                catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException or ProtocolException) && !DiskFull.Is(ex))
                {
                    result = new ExperimentRunner.Result(false, ex.Message, []);
                }
                if (result is null)
                {
                    return null; // its second timing part is still to come
                }
                done++;
                reporter.ExperimentDone(id, result.Ok, done, total, result.Ok ? $"{id} done" : $"{id} failed: {result.FailureReason}");
                if (!result.Ok)
                {
                    // A failed run is never published (DESIGN.md), so stop here instead of spending time on results nobody will see.
                    staging.Abandon();
                    // Over the adapters' memory limit: the one reason the server reads as failed/oom (docs/limits.md).
                    var reason = processes.OutOfMemoryCalls > 0 ? SettleDecision.Oom : $"{id} failed: {result.FailureReason}";
                    return Finish(new RunOutcome(RunStatus.Failed, null, null, done, total, [(id, result.FailureReason ?? "unknown failure")], reason));
                }
                completed.Add(id);
                RunTrace.Mark(id + " finished");
                ReleaseExperimentMemory();
                RunTrace.Mark("memory released");
                return null;
            }

            // The experiments in progress are those waiting for their second part: a pause at a boundary finishes them first.
            async Task<RunOutcome?> FinishAwaitingAsync()
            {
                while (awaiting.Count > 0)
                {
                    var begun = awaiting[0];
                    if (await StepAsync(begun.Plan.Definition.Id, async token => await runner.FinishAsync(begun, staging.StagingPath, token)) is { } stopped)
                    {
                        return stopped;
                    }
                    awaiting.RemoveAt(0);
                }
                return null;
            }

            for (var index = 0; index < remaining.Count; index++)
            {
                var experiment = remaining[index];
                var id = experiment.Definition.Id;
                if (Pause?.Mode is { } mode)
                {
                    return await FinishAwaitingAsync() ?? await PausedAsync(mode, $"paused before {id}: checkpoint {staging.StagingPath}");
                }
                var at = index;
                var stopped = await StepAsync(id, async token =>
                {
                    // The last experiment has no other experiment's first part to put between its parts.
                    var begun = await runner.BeginAsync(experiment, prefetch.Take(at), staging.StagingPath, splitTiming: at < remaining.Count - 1, token);
                    if (begun.AwaitsSecondPart)
                    {
                        awaiting.Add(begun);
                        return null;
                    }
                    return await runner.FinishAsync(begun, staging.StagingPath, token);
                });
                if (stopped is not null)
                {
                    return stopped;
                }
            }
            if (await FinishAwaitingAsync() is { } ended)
            {
                return ended;
            }
            await PublishAsync(plan, staging, segments, await capture, await environment, processes, cache, ct);
            await SaveLevelsAsync(levels, runner.OwnLevels, staging.RunId);
            return Finish(new RunOutcome(RunStatus.Completed, staging.RunId, staging.FinalPath, done, total, [], null));
        }
        catch (OperationCanceledException)
        {
            staging.Abandon();
            return Finish(new RunOutcome(RunStatus.Cancelled, null, null, done, total, [], "cancelled"));
        }
        catch (Exception ex) when (DiskFull.Is(ex))
        {
            // Wherever the results file system filled up (cases, result JSON, manifest, a checkpoint): the partial
            // run goes, and the run fails with the one reason the server and the CLI recognise.
            staging.Abandon();
            return Finish(DiskFullOutcome(done, total));
        }
    }

    /// <summary>Whether the run remembers this machine's uncontended levels across runs (docs/engine.md, "Remembered levels"):
    /// only a timed run with the probe and the contention rule; <c>--no-cache</c> (reuse nothing of earlier runs) turns it off.</summary>
    private bool RemembersLevels => !options.NoPerf && options.UseReferenceCache && options.MachineProbePath is not null && !ContentionGate.Disabled;

    private RememberedLevels? LoadLevels()
    {
        var levels = RemembersLevels ? RememberedLevels.Load(RememberedLevels.PathFor(options.ResultsDir), RememberedLevels.ThisMachine, DateTimeOffset.UtcNow) : null;
        if (levels is not null)
        {
            static string Of(string what, RememberedLevel? l) => l is null ? ""
                : string.Create(CultureInfo.InvariantCulture, $"; {what} {l.LevelNs:0.###} ns/op (run {l.Run})");
            reporter.Info("contention levels remembered from earlier runs of this machine" + Of("probe", levels.Probe) + Of("probe chunks", levels.Chunks));
        }
        return levels;
    }

    private async Task SaveLevelsAsync(RememberedLevels? before, (double? Probe, double? Chunks) own, string runId)
    {
        if (!RemembersLevels || (own.Probe is null && own.Chunks is null))
        {
            return;
        }
        try
        {
            await RememberedLevels.SaveAsync(RememberedLevels.PathFor(options.ResultsDir),
                RememberedLevels.Next(before, RememberedLevels.ThisMachine, own.Probe, own.Chunks, runId, DateTimeOffset.UtcNow), CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The run is published; the next one only sets its levels from its own samples, as without the memory.
            reporter.Info("contention levels not remembered: " + ex.Message);
        }
    }

    /// <summary>Heap size from which the collection between experiments pays for itself (one n = 100,000 experiment holds 20+ MB).</summary>
    private const long ForcedCollectionHeapBytes = 32L << 20;

    private static RunOutcome DiskFullOutcome(int done, int total) =>
        new(RunStatus.Failed, null, null, done, total, [], SettleDecision.DiskFull);

    private async Task PublishAsync(RunPlan plan, RunStaging staging, RunSegments segments, IReadOnlyList<CheckpointAdapter> adapters,
        RunEnvironment environment, AdapterProcessRunner processes, ReferenceCache? cache, CancellationToken ct)
    {
        // Every experiment's results are read back from staging, so a resumed run lists the ones of earlier segments the same way.
        var allResults = await StagedResults.ReadAsync(staging.StagingPath, RunAdapters.Plan(plan), ct);
        RunTrace.Mark("staged results read back");
        CheckpointClaim.Release(staging.StagingPath);
        var ids = plan.Experiments.Select(e => e.Definition.Id).ToList();
        var now = DateTimeOffset.UtcNow;
        var manifest = new RunManifest(RunManifest.SchemaId, staging.RunId, segments.RunStartedAt, now,
            new RunConfig(ids, plan.Libraries, options.N, options.Seed, options.EffectivePerfRounds, options.NoPerf, options.CiMode, options.Notes),
            environment, RunAdapters.Versions(adapters),
            new RunCompleteness(ids, ids, [], true),
            allResults.Select(r => new ResultEntry(r.Experiment, r.Library, r.Role, r.Outcome, r.Parity, $"{r.Experiment}/{r.Library}.json",
                r.Cached?.SourceRun)).ToList(),
            segments.Timing(processes, now), segments.Close(RunSegmentReasons.Completed, now),
            new RunEngine(options.Jobs, RunAdapters.Transports(plan, options.Transport), cache is not null, allResults.Count(r => r.Cached is not null)),
            Testbed.Of(environment, options.Testbed), RunRoundsSummary.Of(options, RunAdapters.Versions(adapters), allResults),
            RunMachineSummary.Of(options, allResults));
        if (manifest.Machine is { } machine)
        {
            reporter.Info(MachineDrift.Statement(machine.Probe));
        }
        if (ContentionSummary.Of(allResults) is { } contended)
        {
            reporter.Info($"{ContentionSummary.Label}: {contended}");
        }
        await AtomicFile.WriteJsonAsync(Path.Combine(staging.StagingPath, "manifest.json"), manifest, ct);
        await AtomicFile.WriteTextAsync(Path.Combine(staging.StagingPath, "summary.md"), SummaryMarkdown.Run(manifest, allResults), ct);
        ct.ThrowIfCancellationRequested();
        RunTrace.Mark("manifest and summary written");
        staging.Publish();
        TryCache(() => cache?.Commit(staging.RunId));
        RunTrace.Mark("published, reference cache committed");
    }

    /// <summary>
    /// An experiment's per-case arrays (inputs, every library's outputs, metrics: tens of MB at
    /// n = 100,000) live on the large-object heap, which only a full collection frees. Left to the GC's
    /// own pace they pile up across experiments; one blocking, compacting collection between
    /// experiments (milliseconds, outside any timed section) keeps the peak at one experiment's worth.
    /// A small heap (n = 1,000: a few MB) is left to the GC: 24 forced collections that decommit everything cost more
    /// than the whole scoring of such a run (docs/engine.md, "Start-up and memory").
    /// </summary>
    private static void ReleaseExperimentMemory()
    {
        if (GC.GetTotalMemory(forceFullCollection: false) < ForcedCollectionHeapBytes)
        {
            return;
        }
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private RunOutcome Finish(RunOutcome outcome)
    {
        reporter.RunFinished(outcome);
        return outcome;
    }
}
