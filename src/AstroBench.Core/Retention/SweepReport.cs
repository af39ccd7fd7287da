namespace AstroBench.Core.Retention;

/// <summary>The result of one sweep: the plan it followed, what happened to each run, and leftovers of an earlier
/// crashed sweep it finished (<see cref="TrashFinished"/>).</summary>
public sealed record SweepReport(RetentionPlan Plan, IReadOnlyList<RunRemovalResult> Results, int TrashFinished)
{
    public IEnumerable<RunRemovalResult> Removed => Results.Where(r => r.Outcome == RunRemovalResult.Removed);

    public long BytesFreed => Removed.Sum(r => r.Removal.Bytes);
}
