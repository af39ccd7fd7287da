using AstroBench.Core.Storage;

namespace AstroBench.Core.Retention;

/// <summary>
/// One sweep over a results folder, shared by the server and <c>astrobench runs gc</c>: under the
/// <see cref="SweepLock"/>, finish what a crashed sweep left in the trash, list the runs, plan with
/// <see cref="RetentionPlanner"/>, then remove (or, for a dry run, only plan). The preview is the same plan
/// without the lock or the removals, so a preview equals what the following sweep removes.
/// </summary>
public sealed class RetentionSweep(string resultsDir, RunSizeCache? sizes = null)
{
    public string ResultsDir { get; } = Path.GetFullPath(resultsDir);

    public RetentionPlan Preview(RetentionRules rules, IRunProtection protection, DateTimeOffset now) =>
        RetentionPlanner.Plan(RunInventory.List(ResultsDir, sizes), protection.ProtectedIds(), rules, now);

    /// <summary>The sweep's report, or null when another sweep holds the lock.</summary>
    public SweepReport? TryRun(RetentionRules rules, IRunProtection protection, DateTimeOffset now, Action<string>? afterTrashed = null)
    {
        if (!Directory.Exists(ResultsDir))
        {
            return new SweepReport(RetentionPlan.Empty, [], 0); // nothing to sweep; never create the folder for it
        }
        using var held = SweepLock.TryAcquire(ResultsDir);
        if (held is null)
        {
            return null;
        }
        var finished = new RunTrash(ResultsDir).FinishPending();
        var plan = Preview(rules, protection, now);
        if (plan.Remove.Count == 0)
        {
            return new SweepReport(plan, [], finished);
        }
        var remover = new RunRemover(ResultsDir, protection.IsProtected,
            rules.Archive ? RetentionPaths.ArchiveDir(rules, ResultsDir) : null, afterTrashed);
        var results = new List<RunRemovalResult>(plan.Remove.Count);
        foreach (var removal in plan.Remove)
        {
            var result = remover.Remove(removal);
            if (result.Outcome == RunRemovalResult.Removed)
            {
                sizes?.Forget(removal.RunId);
            }
            results.Add(result);
        }
        return new SweepReport(plan, results, finished);
    }
}
