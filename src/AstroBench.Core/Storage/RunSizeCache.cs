using System.Collections.Concurrent;

namespace AstroBench.Core.Storage;

/// <summary>
/// Sizes of published run folders, measured once each: a published run never changes (it appears by
/// one rename and leaves by one rename), so a run id measured before is served from memory. A folder's
/// last-write time is part of the key, so a run replaced under the same id is measured again.
/// Thousands of runs cost one walk each per process, not one per request.
/// </summary>
public sealed class RunSizeCache
{
    private readonly ConcurrentDictionary<string, (DateTime WrittenUtc, DirectoryUsage Usage)> _sizes = new(StringComparer.Ordinal);

    public DirectoryUsage Get(string runId, string runDirectory)
    {
        var written = Directory.GetLastWriteTimeUtc(runDirectory);
        if (_sizes.TryGetValue(runId, out var known) && known.WrittenUtc == written)
        {
            return known.Usage;
        }
        var usage = DirectoryUsage.Measure(runDirectory);
        _sizes[runId] = (written, usage);
        return usage;
    }

    public void Forget(string runId) => _sizes.TryRemove(runId, out _);
}
