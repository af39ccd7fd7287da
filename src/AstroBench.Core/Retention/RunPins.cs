using AstroBench.Core.Results;

namespace AstroBench.Core.Retention;

/// <summary>
/// Pinned runs: one marker file <c>results/.pins/&lt;run_id&gt;</c> each (a dot-folder, so the run reader and
/// downloads never see it). A marker is written to a temp name and renamed into place, so it exists whole or
/// not at all; pinning twice or unpinning an unpinned run is not an error. Markers live beside the runs, not in
/// the job database, so the CLI and the server see the same pins without sharing a process.
/// </summary>
public sealed class RunPins(string resultsDir)
{
    public const string Folder = ".pins";

    public string Directory { get; } = Path.Combine(Path.GetFullPath(resultsDir), Folder);

    public bool IsPinned(string runId) => RunIds.IsValidRunId(runId) && File.Exists(MarkerPath(runId));

    /// <summary>Pins a run; false when it was pinned already.</summary>
    public bool Pin(string runId, DateTimeOffset at)
    {
        var marker = MarkerPath(runId);
        if (File.Exists(marker))
        {
            return false;
        }
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".{runId}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(temp, UtcTimestamp.Format(at) + "\n");
        try
        {
            File.Move(temp, marker, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(marker))
        {
            File.Delete(temp);
            return false;
        }
    }

    /// <summary>Unpins a run; false when it was not pinned.</summary>
    public bool Unpin(string runId)
    {
        var marker = MarkerPath(runId);
        if (!File.Exists(marker))
        {
            return false;
        }
        File.Delete(marker);
        return true;
    }

    /// <summary>Every pinned run id (markers whose names are valid run ids; temp files are skipped).</summary>
    public IReadOnlySet<string> All()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        return System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .Where(RunIds.IsValidRunId)
            .ToHashSet(StringComparer.Ordinal)!;
    }

    private string MarkerPath(string runId) =>
        RunIds.IsValidRunId(runId) ? Path.Combine(Directory, runId) : throw new ArgumentException($"'{runId}' is not a run id", nameof(runId));
}
