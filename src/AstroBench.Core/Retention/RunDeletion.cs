namespace AstroBench.Core.Retention;

/// <summary>
/// Deleting one run by name (<c>DELETE /api/runs/{id}</c>, <c>astrobench runs delete</c>): refused for a protected
/// run, otherwise the same trash rename + delete as a sweep. A manual delete never archives: it was asked for.
/// </summary>
public static class RunDeletion
{
    public static (RunDeletionOutcome Outcome, long Bytes, string? Error) Delete(string resultsDir, string runId, IRunProtection protection)
    {
        var folder = Path.Combine(Path.GetFullPath(resultsDir), runId);
        if (!Directory.Exists(folder))
        {
            return (RunDeletionOutcome.NotFound, 0, null);
        }
        if (protection.IsProtected(runId))
        {
            return (RunDeletionOutcome.Protected, 0, null);
        }
        var bytes = Storage.DirectoryUsage.Measure(folder).Bytes;
        var removal = new RunRemoval(runId, bytes, RetentionRule.Manual, DateTimeOffset.UtcNow);
        var result = new RunRemover(resultsDir, protection.IsProtected).Remove(removal);
        return result.Outcome switch
        {
            RunRemovalResult.Removed => (RunDeletionOutcome.Deleted, bytes, null),
            RunRemovalResult.Skipped when result.Error == "protected" => (RunDeletionOutcome.Protected, 0, null),
            RunRemovalResult.Skipped => (RunDeletionOutcome.NotFound, 0, null),
            _ => (RunDeletionOutcome.Failed, 0, result.Error),
        };
    }
}
