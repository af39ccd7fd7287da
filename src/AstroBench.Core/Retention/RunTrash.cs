using AstroBench.Core.Results;

namespace AstroBench.Core.Retention;

/// <summary>
/// Deleting a run in two steps: one atomic rename <c>results/&lt;id&gt;</c> → <c>results/.trash/&lt;id&gt;.&lt;unique&gt;</c>
/// (the run leaves the listing whole), then a recursive delete of the trashed folder. A crash between or during
/// the two leaves only a folder in <c>.trash</c>, which the reader never lists and <see cref="FinishPending"/> removes.
/// </summary>
public sealed class RunTrash(string resultsDir)
{
    public const string Folder = ".trash";

    public string ResultsDirectory { get; } = Path.GetFullPath(resultsDir);

    public string Directory => Path.Combine(ResultsDirectory, Folder);

    /// <summary>Renames the run into the trash; returns the trashed path, or null when the run is not there (gone already).</summary>
    public string? MoveToTrash(string runId)
    {
        if (!RunIds.IsValidRunId(runId))
        {
            throw new ArgumentException($"'{runId}' is not a run id", nameof(runId));
        }
        var source = Path.Combine(ResultsDirectory, runId);
        System.IO.Directory.CreateDirectory(Directory);
        var target = Path.Combine(Directory, $"{runId}.{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.Move(source, target);
            return target;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes a trashed folder (a partly deleted one too).</summary>
    public static void Delete(string trashedPath)
    {
        if (System.IO.Directory.Exists(trashedPath))
        {
            System.IO.Directory.Delete(trashedPath, recursive: true);
        }
    }

    /// <summary>The run ids in the trash (what a crashed sweep left), for reports and tests.</summary>
    public IReadOnlyList<string> Pending() => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.EnumerateDirectories(Directory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Deletes every leftover of an interrupted sweep; returns how many folders it removed.</summary>
    public int FinishPending()
    {
        var count = 0;
        foreach (var name in Pending())
        {
            Delete(Path.Combine(Directory, name));
            count++;
        }
        return count;
    }
}
