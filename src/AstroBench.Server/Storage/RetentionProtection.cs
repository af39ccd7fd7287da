using AstroBench.Core.Baselines;
using AstroBench.Core.Retention;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Storage;

/// <summary>
/// The one place the server says which runs retention must keep: pinned runs (<c>results/.pins</c>), runs that a
/// job not yet terminal refers to (its <c>run_id</c>), and baselines (<c>results/.baselines.json</c>).
/// </summary>
internal sealed class RetentionProtection(ServerPaths paths, JobStore store) : IRunProtection
{
    public RunPins Pins { get; } = new(paths.ResultsDir);

    public BaselineStore Baselines { get; } = new(paths.ResultsDir);

    public IReadOnlySet<string> ProtectedIds()
    {
        var ids = new HashSet<string>(Pins.All(), StringComparer.Ordinal);
        ids.UnionWith(store.RunIdsOfUnfinishedJobs());
        ids.UnionWith(Baselines.RunIds());
        return ids;
    }

    public bool IsProtected(string runId) =>
        Pins.IsPinned(runId) || Baselines.RunIds().Contains(runId) || store.RunIdsOfUnfinishedJobs().Contains(runId);
}
