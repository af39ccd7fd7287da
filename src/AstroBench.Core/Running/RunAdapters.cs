using AstroBench.Core.Adapters;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>The adapters a plan uses, by name, with their versions (the manifest) and fingerprints (the checkpoint).</summary>
public static class RunAdapters
{
    public static async Task<IReadOnlyList<CheckpointAdapter>> CaptureAsync(RunPlan plan, CancellationToken ct)
    {
        var adapters = plan.Experiments.SelectMany(e => e.AllLibraries).DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal);
        // The version commands run at once: an interpreter's start-up (Python, Node) is paid once, not once per adapter.
        return await Task.WhenAll(adapters.Select(async a => new CheckpointAdapter(a.Name, a.Manifest.Library, a.Manifest.Language,
            await AdapterCommand.VersionAsync(a, ct), AdapterFingerprint.Compute(a), await AdapterCommand.DataVersionsAsync(a, ct))));
    }

    /// <summary>Each library's accuracy transport (<c>v1</c>, <c>v2/hex</c>…), by name.</summary>
    public static IReadOnlyDictionary<string, string> Transports(RunPlan plan, AccuracyTransport transport) =>
        new SortedDictionary<string, string>(plan.Experiments.SelectMany(e => e.AllLibraries).DistinctBy(a => a.Name)
            .ToDictionary(a => a.Name, a => transport.Describe(a.Manifest)), StringComparer.Ordinal);

    public static IReadOnlyList<AdapterVersion> Versions(IEnumerable<CheckpointAdapter> adapters) =>
        adapters.Select(a => new AdapterVersion(a.Name, a.Library, a.Language, a.Version, a.DataVersions)).ToList();

    /// <summary>Each experiment with its libraries, reference first (the order results are written and listed in).</summary>
    public static IReadOnlyList<CheckpointExperiment> Plan(RunPlan plan) =>
        plan.Experiments.Select(e => new CheckpointExperiment(e.Definition.Id, e.AllLibraries.Select(a => a.Name).ToList())).ToList();
}
