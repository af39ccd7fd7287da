using AstroBench.Core.Adapters;
using AstroBench.Core.Caching;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Inputs;
using AstroBench.Core.Protocol;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>
/// The accuracy half of an experiment: inputs, then every library's call at once (bounded by
/// <see cref="AccuracyCalls"/>). The reference's outputs come from the cache when an entry for the same
/// experiment, dataset and adapter build exists; a computed reference output is staged for the cache.
/// Nothing here writes to the run folder, so work started ahead for later experiments can be dropped at a pause.
/// </summary>
public sealed class AccuracyStage(RunOptions options, AccuracyCalls calls, ReferenceCache? cache,
    Task<IReadOnlyList<CheckpointAdapter>> adapters, string runId)
{
    private int _cacheHits;

    public int CacheHits => Volatile.Read(ref _cacheHits);

    /// <summary>Generates the inputs and starts every library's call; completes once they are started.</summary>
    public Task<AccuracySet> RunAsync(PlannedExperiment plan, CancellationToken ct)
    {
        var def = plan.Definition;
        var inputs = def.Generator.Generate(options.N, options.Seed);
        var fingerprint = DatasetFingerprint.Compute(def.Id, inputs);
        var request = AdapterRequest.Accuracy(def.Id, inputs);
        RunTrace.Mark(def.Id + " inputs generated");
        var width = def.OutputColumns.Count;
        var tasks = plan.AllLibraries
            .Select((adapter, i) => i == 0 ? ReferenceAsync(adapter, def.Id, fingerprint, request, width, ct) : CallAsync(adapter, request, width, ct))
            .ToList();
        return Task.FromResult(new AccuracySet(inputs, fingerprint, tasks));
    }

    /// <summary>One request, or its shards joined in case order (docs/engine.md, "Shards").</summary>
    private async Task<AccuracyCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, int width, CancellationToken ct)
    {
        var shards = calls.ShardsOf(adapter, request.RowCount);
        var call = shards.Count == 1
            ? await calls.CallAsync(adapter, request, width, ct)
            : await ShardedAccuracyCall.CallAsync(calls, adapter, request, shards, width, ct);
        return new(adapter, call, null, shards.Count);
    }

    private async Task<AccuracyCallResult> ReferenceAsync(AdapterInfo adapter, string experiment, string fingerprint, AdapterRequest request, int width, CancellationToken ct)
    {
        // The versions and fingerprints are still being captured at the first experiments (Orchestrator): only the cache waits for them.
        var captured = cache is null ? null : (await adapters).FirstOrDefault(a => a.Name == adapter.Name);
        if (cache is null || captured is null)
        {
            return await CallAsync(adapter, request, width, ct);
        }
        var key = ReferenceCacheKey.Compute(experiment, fingerprint, adapter.Name, captured.Version, captured.Fingerprint, width);
        if (cache.TryGet(key, request.RowCount, width) is { } hit)
        {
            Interlocked.Increment(ref _cacheHits);
            return new AccuracyCallResult(adapter,
                new AdapterCallResult(CallOutcome.Completed, null, hit.Outputs, width, null, TimeSpan.Zero, ""), new CachedOutputs(hit.SourceRun, key));
        }
        var result = await CallAsync(adapter, request, width, ct);
        if (result.Call is { Outcome: CallOutcome.Completed, Outputs: { } outputs })
        {
            cache.Stage(runId, new ReferenceCacheEntry(ReferenceCacheEntry.SchemaId, experiment, fingerprint, adapter.Name, captured.Version,
                captured.Fingerprint, request.RowCount, width, runId, ""), key, outputs);
        }
        return result;
    }
}
