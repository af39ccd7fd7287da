using AstroBench.Core.Retention;
using AstroBench.Server.Hosting;
using AstroBench.Server.Jobs;

namespace AstroBench.Server.Storage;

/// <summary>
/// The one place the server says which runs retention must keep: pinned runs (<c>results/.pins</c>), runs that a
/// job not yet terminal refers to (its <c>run_id</c>), and baselines. Baselines (issue 11) do not exist yet: when
/// they do, their ids join <see cref="ProtectedIds"/> here and every sweep, preview and delete honours them.
/// </summary>
internal sealed class RetentionProtection(ServerPaths paths, JobStore store) : IRunProtection
{
    public RunPins Pins { get; } = new(paths.ResultsDir);

    public IReadOnlySet<string> ProtectedIds()
    {
        var ids = new HashSet<string>(Pins.All(), StringComparer.Ordinal);
        ids.UnionWith(store.RunIdsOfUnfinishedJobs());
        return ids;
    }

    public bool IsProtected(string runId) => Pins.IsPinned(runId) || store.RunIdsOfUnfinishedJobs().Contains(runId);
}
