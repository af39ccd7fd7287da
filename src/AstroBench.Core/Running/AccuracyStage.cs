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

    /// <summary>
    /// Reserves every library's places in the <c>--jobs</c> queue, here on the caller's thread (the prefetch begins the
    /// experiments in plan order, so the places are in plan order: reference first), then generates the inputs and starts
    /// every library's call on the thread pool; the task completes once they are started.
    /// </summary>
    public Task<AccuracySet> RunAsync(PlannedExperiment plan, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<AccuracySet>(ct);
        }
        var places = plan.AllLibraries.Select(adapter => calls.Reserve(adapter, options.N)).ToList();
        // No token for Task.Run: a start that never ran would keep its places, and with them every later call, waiting.
        return Task.Run(() => Start(plan, places, ct), CancellationToken.None);
    }

    private AccuracySet Start(PlannedExperiment plan, List<IReadOnlyList<SlotTicket>> places, CancellationToken ct)
    {
        try
        {
            ct.ThrowIfCancellationRequested();
            var def = plan.Definition;
            var inputs = def.Generator.Generate(options.N, options.Seed);
            var fingerprint = DatasetFingerprint.Compute(def.Id, inputs);
            var request = AdapterRequest.Accuracy(def.Id, inputs);
            RunTrace.Mark(def.Id + " inputs generated");
            var width = def.OutputColumns.Count;
            var tasks = plan.AllLibraries
                .Select((adapter, i) => i == 0 ? ReferenceAsync(adapter, def.Id, fingerprint, request, places[i], width, ct) : CallAsync(adapter, request, places[i], width, ct))
                .ToList();
            return new AccuracySet(inputs, fingerprint, tasks);
        }
        catch
        {
            // Before any call took its places (they are async: a call's own failure ends in its task): give them up.
            GiveUp(places.SelectMany(p => p));
            throw;
        }
    }

    /// <summary>One request, or its shards joined in case order (docs/engine.md, "Shards"), each through its place.</summary>
    private async Task<AccuracyCallResult> CallAsync(AdapterInfo adapter, AdapterRequest request, IReadOnlyList<SlotTicket> places, int width, CancellationToken ct)
    {
        var shards = calls.ShardsOf(adapter, request.RowCount);
        if (shards.Count != places.Count)
        {
            GiveUp(places);
            throw new InvalidOperationException($"{adapter.Name}: {request.RowCount} cases make {shards.Count} shards, {places.Count} places were reserved");
        }
        var call = shards.Count == 1
            ? await calls.CallAsync(adapter, request, width, default, places[0], ct)
            : await ShardedAccuracyCall.CallAsync(calls, adapter, request, shards, places, width, ct);
        return new(adapter, call, null, shards.Count);
    }

    private static void GiveUp(IEnumerable<SlotTicket> places)
    {
        foreach (var place in places)
        {
            place.Dispose();
        }
    }

    private async Task<AccuracyCallResult> ReferenceAsync(AdapterInfo adapter, string experiment, string fingerprint, AdapterRequest request,
        IReadOnlyList<SlotTicket> places, int width, CancellationToken ct)
    {
        // The versions and fingerprints are still being captured at the first experiments (Orchestrator): only the cache
        // waits for them, and the calls planned after this one wait for its places meanwhile (OrderedSlots).
        CheckpointAdapter? captured;
        string key;
        ReferenceCacheHit? hit;
        try
        {
            captured = cache is null ? null : (await adapters).FirstOrDefault(a => a.Name == adapter.Name);
            key = cache is null || captured is null ? "" : ReferenceCacheKey.Compute(experiment, fingerprint, adapter.Name, captured.Version, captured.Fingerprint, width);
            hit = key.Length == 0 ? null : cache!.TryGet(key, request.RowCount, width);
        }
        catch
        {
            GiveUp(places);
            throw;
        }
        if (cache is null || captured is null)
        {
            return await CallAsync(adapter, request, places, width, ct);
        }
        if (hit is not null)
        {
            GiveUp(places);
            Interlocked.Increment(ref _cacheHits);
            return new AccuracyCallResult(adapter,
                new AdapterCallResult(CallOutcome.Completed, null, hit.Outputs, width, null, TimeSpan.Zero, ""), new CachedOutputs(hit.SourceRun, key));
        }
        var result = await CallAsync(adapter, request, places, width, ct);
        if (result.Call is { Outcome: CallOutcome.Completed, Outputs: { } outputs })
        {
            cache.Stage(runId, new ReferenceCacheEntry(ReferenceCacheEntry.SchemaId, experiment, fingerprint, adapter.Name, captured.Version,
                captured.Fingerprint, request.RowCount, width, runId, ""), key, outputs);
        }
        return result;
    }
}
