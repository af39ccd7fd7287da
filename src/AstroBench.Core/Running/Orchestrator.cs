using AstroBench.Core.Adapters;
using AstroBench.Core.Orchestration;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results;
using AstroBench.Core.Results.Model;
using AstroBench.Core.Storage;

namespace AstroBench.Core.Running;

/// <summary>
/// Runs a resolved plan into a new run folder: reserve an id, run each experiment into staging,
/// write the manifest and summary, publish with one rename. Cancellation or any failure deletes the staging
/// folder, so no partial run is ever visible.
/// </summary>
public sealed class Orchestrator(RunOptions options, IRunReporter reporter, string? repoRoot)
{
    public async Task<RunOutcome> RunAsync(RunPlan plan, CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var total = plan.Experiments.Count;
        var done = 0;
        RunStaging reserved;
        try
        {
            reserved = RunStaging.Reserve(options.ResultsDir, startedAt);
        }
        catch (Exception ex) when (DiskFull.Is(ex))
        {
            return Finish(DiskFullOutcome(0, total));
        }
        using var staging = reserved;
        reporter.RunStarted(staging.RunId, total, plan.Libraries, options.N, options.Seed);
        foreach (var notice in plan.Notices)
        {
            reporter.Info(notice);
        }
        try
        {
            var adapters = plan.Experiments.SelectMany(e => e.AllLibraries).DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
            var versions = new List<AdapterVersion>();
            foreach (var a in adapters)
            {
                versions.Add(new AdapterVersion(a.Name, a.Manifest.Library, a.Manifest.Language, await AdapterCommand.VersionAsync(a, ct)));
            }

            var processes = new AdapterProcessRunner(options.CallTimeout);
            var runner = new ExperimentRunner(options, processes, reporter);
            var completed = new List<string>();
            var failures = new List<(string Experiment, string Reason)>();
            var allResults = new List<LibraryResult>();
            foreach (var experiment in plan.Experiments)
            {
                ExperimentRunner.Result result;
                try
                {
                    result = await runner.RunAsync(experiment, staging.StagingPath, ct);
                }
                catch (Exception ex) when ((ex is IOException or UnauthorizedAccessException or ProtocolException) && !DiskFull.Is(ex))
                {
                    result = new ExperimentRunner.Result(false, ex.Message, []);
                }
                done++;
                var id = experiment.Definition.Id;
                reporter.ExperimentDone(id, result.Ok, done, total, result.Ok ? $"{id} done" : $"{id} failed: {result.FailureReason}");
                if (!result.Ok)
                {
                    // A failed run is never published (DESIGN.md), so stop here instead of spending time on results nobody will see.
                    failures.Add((id, result.FailureReason ?? "unknown failure"));
                    staging.Abandon();
                    var reason = $"{id} failed: {result.FailureReason}";
                    return Finish(new RunOutcome(RunStatus.Failed, null, null, done, total, failures, reason));
                }
                completed.Add(id);
                allResults.AddRange(result.Libraries);
                ReleaseExperimentMemory();
            }

            var manifest = new RunManifest(RunManifest.SchemaId, staging.RunId, startedAt, DateTimeOffset.UtcNow,
                new RunConfig(plan.Experiments.Select(e => e.Definition.Id).ToList(), plan.Libraries, options.N, options.Seed,
                    options.EffectivePerfRounds, options.NoPerf, options.CiMode, options.Notes),
                EnvironmentProbe.Capture(repoRoot), versions,
                new RunCompleteness(plan.Experiments.Select(e => e.Definition.Id).ToList(), completed,
                    failures.Select(f => new FailedExperiment(f.Experiment, f.Reason)).ToList(), failures.Count == 0),
                allResults.Select(r => new ResultEntry(r.Experiment, r.Library, r.Role, r.Outcome, r.Parity, $"{r.Experiment}/{r.Library}.json")).ToList(),
                Timing(startedAt, processes));
            await AtomicFile.WriteJsonAsync(Path.Combine(staging.StagingPath, "manifest.json"), manifest, ct);
            await AtomicFile.WriteTextAsync(Path.Combine(staging.StagingPath, "summary.md"), SummaryMarkdown.Run(manifest, allResults), ct);
            ct.ThrowIfCancellationRequested();
            staging.Publish();
            return Finish(new RunOutcome(RunStatus.Completed, staging.RunId, staging.FinalPath, done, total, failures, null));
        }
        catch (OperationCanceledException)
        {
            staging.Abandon();
            return Finish(new RunOutcome(RunStatus.Cancelled, null, null, done, total, [], "cancelled"));
        }
        catch (Exception ex) when (DiskFull.Is(ex))
        {
            // Wherever the results file system filled up (cases, result JSON, manifest): the partial run goes,
            // and the run fails with the one reason the server and the CLI recognise.
            staging.Abandon();
            return Finish(DiskFullOutcome(done, total));
        }
    }

    private static RunOutcome DiskFullOutcome(int done, int total) =>
        new(RunStatus.Failed, null, null, done, total, [], SettleDecision.DiskFull);

    /// <summary>
    /// An experiment's per-case arrays (inputs, every library's outputs, metrics: tens of MB at
    /// n = 100,000) live on the large-object heap, which only a full collection frees. Left to the GC's
    /// own pace they pile up across experiments; one blocking, compacting collection between
    /// experiments (milliseconds, outside any timed section) keeps the peak at one experiment's worth.
    /// </summary>
    private static void ReleaseExperimentMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static RunTiming Timing(DateTimeOffset startedAt, AdapterProcessRunner processes)
    {
        var wall = (DateTimeOffset.UtcNow - startedAt).TotalSeconds;
        var inAdapters = processes.TotalCallTime.TotalSeconds;
        return new RunTiming(wall, inAdapters, processes.Calls, wall - inAdapters);
    }

    private RunOutcome Finish(RunOutcome outcome)
    {
        reporter.RunFinished(outcome);
        return outcome;
    }
}
