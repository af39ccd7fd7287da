namespace AstroBench.Core.Retention;

/// <summary>
/// Carries out removals, one run at a time, oldest first: (archive to <c>.tar.gz</c>, when asked) → trash rename →
/// delete. Just before each run it asks <paramref name="isProtected"/> again, so a run pinned after the plan was
/// made is kept. A failure of one run is reported and the next run is tried. <paramref name="afterTrashed"/> is a
/// hook between the rename and the delete (the crash test holds the sweep there).
/// </summary>
public sealed class RunRemover(string resultsDir, Func<string, bool> isProtected, string? archiveDir = null, Action<string>? afterTrashed = null)
{
    private readonly RunTrash _trash = new(resultsDir);

    public RunRemovalResult Remove(RunRemoval removal)
    {
        if (isProtected(removal.RunId))
        {
            return new RunRemovalResult(removal, RunRemovalResult.Skipped, Error: "protected");
        }
        var folder = Path.Combine(_trash.ResultsDirectory, removal.RunId);
        if (!Directory.Exists(folder))
        {
            return new RunRemovalResult(removal, RunRemovalResult.Skipped, Error: "gone");
        }
        try
        {
            var archive = archiveDir is null ? null : RunArchiver.Archive(folder, removal.RunId, archiveDir);
            if (_trash.MoveToTrash(removal.RunId) is not { } trashed)
            {
                return new RunRemovalResult(removal, RunRemovalResult.Skipped, archive, "gone");
            }
            afterTrashed?.Invoke(removal.RunId);
            RunTrash.Delete(trashed);
            return new RunRemovalResult(removal, RunRemovalResult.Removed, archive);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RunRemovalResult(removal, RunRemovalResult.Failed, Error: ex.Message);
        }
    }
}
