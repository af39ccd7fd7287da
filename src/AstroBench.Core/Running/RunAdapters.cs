using AstroBench.Core.Adapters;
using AstroBench.Core.Diagnostics;
using AstroBench.Core.Results.Checkpoints;
using AstroBench.Core.Results.Model;

namespace AstroBench.Core.Running;

/// <summary>The adapters a plan uses, by name, with their versions (the manifest) and fingerprints (the checkpoint).</summary>
public static class RunAdapters
{
    public static async Task<IReadOnlyList<CheckpointAdapter>> CaptureAsync(RunPlan plan, CancellationToken ct)
    {
        var adapters = plan.Experiments.SelectMany(e => e.AllLibraries).DistinctBy(a => a.Name).OrderBy(a => a.Name, StringComparer.Ordinal);
        // Every version and data_versions command runs at once: an interpreter's start-up (Python, Node) is paid once, not once per command.
        var captured = await Task.WhenAll(adapters.Select(a => CaptureAsync(a, ct)));
        RunTrace.Mark("adapter versions and fingerprints captured");
        return captured;
    }

    private static async Task<CheckpointAdapter> CaptureAsync(AdapterInfo adapter, CancellationToken ct)
    {
        var fingerprint = AdapterFingerprint.Compute(adapter);
        var version = AdapterCommand.VersionAsync(adapter, ct);
        var dataVersions = AdapterCommand.DataVersionsAsync(adapter, ct);
        return new CheckpointAdapter(adapter.Name, adapter.Manifest.Library, adapter.Manifest.Language, await version, fingerprint, await dataVersions);
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
