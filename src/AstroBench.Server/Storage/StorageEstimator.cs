using System.Globalization;
using System.Text.Json;
using AstroBench.Core.Adapters;
using AstroBench.Core.Results.Reading;
using AstroBench.Core.Running;
using AstroBench.Core.Storage;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;
using Microsoft.Extensions.Options;

namespace AstroBench.Server.Storage;

/// <summary>
/// Predicts a job's size (<see cref="JobSizePredictor"/>) and decides whether starting it would leave
/// less than <see cref="StorageDiskOptions.MinFreeDiskMb"/> free. Experiments and libraries are
/// resolved by the orchestrator's own <see cref="RunPlan"/> over the adapters the server runs with, so
/// "all" and "every available library" count exactly what the job will run.
/// </summary>
internal sealed class StorageEstimator(RunFolderReader reader, RunSizeCache sizes, ServerPaths paths, IOptions<StorageDiskOptions> options)
{
    /// <summary>At most this many of the newest runs are opened to find the predictor's history.</summary>
    private const int MaxRunsScanned = 200;

    /// <summary>The estimate; throws <see cref="RunPlanException"/> when the experiments or libraries cannot run here.</summary>
    public StorageEstimateDto Estimate(JobConfig config) => Decide(config.N, Results(config));

    /// <summary>
    /// For a start: the estimate, or, when the plan cannot be resolved (the job will fail with its own
    /// message), the free space alone against the threshold.
    /// </summary>
    public StorageEstimateDto EstimateForStart(JobConfig config)
    {
        int results;
        try
        {
            results = Results(config);
        }
        catch (RunPlanException)
        {
            results = 0;
        }
        return Decide(config.N, results);
    }

    private StorageEstimateDto Decide(int n, int results)
    {
        var prediction = JobSizePredictor.Predict(n, results, History());
        var free = DiskSpace.Of(paths.ResultsDir).FreeBytes;
        var minMb = options.Value.MinFreeDiskMb;
        var refuse = free - prediction.PredictedBytes < minMb * StorageDiskOptions.BytesPerMb;
        var detail = refuse
            ? string.Create(CultureInfo.InvariantCulture,
                $"Not enough disk space for this job: {Mb(free)} MB free on {paths.ResultsDir}, the job is predicted to write {Mb(prediction.PredictedBytes)} MB, and {minMb:#,0} MB must stay free (AstroBench:MinFreeDiskMb). Delete old runs or free space, then start again.")
            : null;
        return new StorageEstimateDto(prediction.PredictedBytes, prediction.BytesPerCase, prediction.Basis, free, minMb, refuse, detail);
    }

    private int Results(JobConfig config)
    {
        var options = new RunOptions
        {
            Experiments = config.Experiments,
            Libraries = config.Libraries,
            N = config.N,
            ResultsDir = paths.ResultsDir,
            AdapterDirs = paths.CatalogAdapterDirs,
        };
        var plan = RunPlan.Resolve(options, AdapterRegistry.Load(paths.CatalogAdapterDirs));
        return plan.Experiments.Sum(e => e.AllLibraries.Count());
    }

    /// <summary>Newest runs first: n from the manifest, result count from the listing, size from the cache.</summary>
    private IEnumerable<RunSizeSample> History()
    {
        foreach (var run in reader.ListRuns().Take(MaxRunsScanned))
        {
            if (run.ResultCount > 0 && N(reader.ReadManifest(run.Id)) is { } n && reader.TryGetRunDirectory(run.Id, out var dir)
                && StorageUsage.TryMeasure(sizes, run.Id, dir) is { } usage)
            {
                yield return new RunSizeSample(n, run.ResultCount, usage.Bytes);
            }
        }
    }

    private static int? N(JsonElement? manifest) =>
        manifest is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("n", out var n) && n.TryGetInt32(out var value) ? value : null;

    private static string Mb(long bytes) => (bytes / (double)StorageDiskOptions.BytesPerMb).ToString("#,0.#", CultureInfo.InvariantCulture);
}
