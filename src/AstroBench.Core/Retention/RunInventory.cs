using AstroBench.Core.Results;
using AstroBench.Core.Storage;

namespace AstroBench.Core.Retention;

/// <summary>
/// The runs retention considers: the folders of <c>results/</c> whose names are run ids, exactly the set the run
/// reader lists (dot-folders such as <c>.staging</c>, <c>.trash</c>, <c>.pins</c> are never runs). A run's time is
/// the UTC time in its id; an imported name without one falls back to the folder's last-write time.
/// </summary>
public static class RunInventory
{
    public static IReadOnlyList<RetainedRun> List(string resultsDir, RunSizeCache? sizes = null)
    {
        var runs = new List<RetainedRun>();
        if (!Directory.Exists(resultsDir))
        {
            return runs;
        }
        foreach (var dir in Directory.EnumerateDirectories(resultsDir))
        {
            var id = Path.GetFileName(dir);
            if (!RunIds.IsValidRunId(id))
            {
                continue;
            }
            try
            {
                var time = RunIds.TimestampOf(id) ?? new DateTimeOffset(Directory.GetLastWriteTimeUtc(dir), TimeSpan.Zero);
                var bytes = (sizes?.Get(id, dir) ?? DirectoryUsage.Measure(dir)).Bytes;
                runs.Add(new RetainedRun(id, time, bytes));
            }
            catch (DirectoryNotFoundException)
            {
                // Deleted while listed (by another sweep or a manual delete): not a run any more.
            }
        }
        return runs;
    }
}
