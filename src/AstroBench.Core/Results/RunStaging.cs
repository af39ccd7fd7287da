namespace AstroBench.Core.Results;

/// <summary>
/// A run being written: reserves a unique id atomically, gives the staging folder to write into,
/// and either publishes it with one rename or deletes it. Reservation: <c>.staging/&lt;id&gt;.lock</c>
/// is created with O_EXCL (CreateNew), and the final folder must not exist yet; the lock is removed
/// only after the rename, so no two processes can ever hold the same id. The lock is a file, not a held
/// handle: it survives the process, which is what lets a paused run keep its id (<see cref="Keep"/>) until a
/// later process resumes it (<see cref="Open"/>) and publishes, or discards it (<see cref="Discard"/>).
/// </summary>
public sealed class RunStaging : IDisposable
{
    private const int MaxSuffix = 9999;
    private readonly string _lockPath;
    private bool _done;

    private RunStaging(string resultsDir, string runId, DateTimeOffset startedUtc)
    {
        ResultsDir = resultsDir;
        StartedUtc = startedUtc;
        RunId = runId;
        StagingPath = Path.Combine(resultsDir, RunIds.StagingFolder, runId);
        FinalPath = Path.Combine(resultsDir, runId);
        _lockPath = StagingPath + ".lock";
    }

    public string ResultsDir { get; }
    public string RunId { get; }

    /// <summary>The start time the id was derived from (UTC).</summary>
    public DateTimeOffset StartedUtc { get; }
    public string StagingPath { get; }
    public string FinalPath { get; }

    /// <summary>
    /// Reserves the id for the current second on <paramref name="clock"/> (default <see cref="TimeProvider.System"/>),
    /// or the next free suffix, and creates the staging folder; <see cref="StartedUtc"/> is the time read.
    /// </summary>
    public static RunStaging Reserve(string resultsDir, TimeProvider? clock = null) =>
        Reserve(resultsDir, (clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>Reserves the id for <paramref name="startedUtc"/> (or the next free suffix) and creates the staging folder.</summary>
    public static RunStaging Reserve(string resultsDir, DateTimeOffset startedUtc)
    {
        resultsDir = Path.GetFullPath(resultsDir);
        var stagingRoot = Path.Combine(resultsDir, RunIds.StagingFolder);
        Directory.CreateDirectory(stagingRoot);
        var baseId = RunIds.Base(startedUtc);
        for (var suffix = 1; suffix <= MaxSuffix; suffix++)
        {
            var id = suffix == 1 ? baseId : $"{baseId}-{suffix}";
            if (TryTake(new RunStaging(resultsDir, id, startedUtc.ToUniversalTime())) is { } staging)
            {
                return staging;
            }
        }
        throw new IOException($"no free run id for {baseId} after {MaxSuffix} attempts");
    }

    /// <summary>
    /// Reserves exactly <paramref name="runId"/> (an imported run keeps the id it was made with) by the same lock as
    /// <see cref="Reserve(string, DateTimeOffset)"/>; null when that id is published or being written already.
    /// </summary>
    public static RunStaging? TryReserve(string resultsDir, string runId)
    {
        if (!RunIds.IsValidRunId(runId))
        {
            throw new ArgumentException($"'{runId}' is not a run id", nameof(runId));
        }
        resultsDir = Path.GetFullPath(resultsDir);
        Directory.CreateDirectory(Path.Combine(resultsDir, RunIds.StagingFolder));
        return TryTake(new RunStaging(resultsDir, runId, RunIds.TimestampOf(runId) ?? DateTimeOffset.UnixEpoch));
    }

    /// <summary>Whether <paramref name="ex"/>, from creating <paramref name="lockPath"/> exclusively, says another process holds
    /// the lock: the file existed (EEXIST on Unix, ERROR_FILE_EXISTS on Windows). Asking the file system afterwards is not
    /// enough: the holder may have released the lock in between (it published, or found the id published), and twenty
    /// runs started in the same second then failed one of them with "already exists" instead of taking the next id.
    /// Any other failure (a full disk, no permission) is not a taken id and goes on up.</summary>
    internal static bool IsTaken(IOException ex, string lockPath) =>
        ex.HResult is Eexist or ErrorFileExists || (ex is not DirectoryNotFoundException && File.Exists(lockPath));

    private const int Eexist = 17;

    private const int ErrorFileExists = unchecked((int)0x80070050);

    /// <summary>Takes the id's lock (O_EXCL) and creates its staging folder; null when the id is published or locked.</summary>
    private static RunStaging? TryTake(RunStaging staging)
    {
        if (Directory.Exists(staging.FinalPath))
        {
            return null;
        }
        try
        {
            using (new FileStream(staging._lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
        }
        catch (IOException ex) when (IsTaken(ex, staging._lockPath))
        {
            return null;
        }
        // Re-check after taking the lock: the holder of a previous lock may have published and released it.
        if (Directory.Exists(staging.FinalPath))
        {
            File.Delete(staging._lockPath);
            return null;
        }
        try
        {
            Directory.CreateDirectory(staging.StagingPath);
        }
        catch
        {
            // A full disk (or any other failure) must not leave the id reserved for ever.
            File.Delete(staging._lockPath);
            throw;
        }
        return staging;
    }

    /// <summary>
    /// Reopens the reservation of a paused run (docs/checkpoints.md): <paramref name="stagingPath"/> must be
    /// <c>&lt;results&gt;/.staging/&lt;id&gt;</c> with its lock still present and no published folder of that id.
    /// </summary>
    public static RunStaging Open(string stagingPath)
    {
        var staging = FromPath(stagingPath);
        if (!Directory.Exists(staging.StagingPath) || !File.Exists(staging._lockPath))
        {
            throw new IOException($"'{staging.StagingPath}' is not a reserved staging folder (no folder or no {Path.GetFileName(staging._lockPath)})");
        }
        if (Directory.Exists(staging.FinalPath))
        {
            throw new IOException($"run {staging.RunId} is already published at '{staging.FinalPath}'");
        }
        return staging;
    }

    /// <summary>Deletes a paused run's staging folder and releases its id; a folder already gone is fine (idempotent).</summary>
    public static void Discard(string stagingPath) => FromPath(stagingPath).Abandon();

    private static RunStaging FromPath(string stagingPath)
    {
        var full = Path.GetFullPath(stagingPath.TrimEnd('/'));
        var id = Path.GetFileName(full);
        var stagingRoot = Path.GetDirectoryName(full);
        if (!RunIds.IsValid(id) || stagingRoot is null || Path.GetFileName(stagingRoot) != RunIds.StagingFolder)
        {
            throw new IOException($"'{stagingPath}' is not a staging folder (<results>/{RunIds.StagingFolder}/<run id>)");
        }
        return new RunStaging(Path.GetDirectoryName(stagingRoot)!, id, RunIds.TimestampOf(id) ?? DateTimeOffset.UnixEpoch);
    }

    /// <summary>Pause: leaves the staging folder and the reservation in place for a later <see cref="Open"/>.</summary>
    public void Keep() => _done = true;

    /// <summary>Moves the staging folder into place with one rename, then releases the reservation.</summary>
    public void Publish()
    {
        Directory.Move(StagingPath, FinalPath);
        _done = true;
        File.Delete(_lockPath);
    }

    /// <summary>Deletes the staging folder and the reservation: nothing of the run remains.</summary>
    public void Abandon()
    {
        if (_done)
        {
            return;
        }
        _done = true;
        if (Directory.Exists(StagingPath))
        {
            Directory.Delete(StagingPath, recursive: true);
        }
        File.Delete(_lockPath);
    }

    public void Dispose() => Abandon();
}
