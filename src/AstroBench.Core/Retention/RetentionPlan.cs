namespace AstroBench.Core.Retention;

/// <summary>
/// What a sweep would remove (oldest first) and what stays. <see cref="SizeLimitMet"/> is false when the
/// protected runs alone exceed <c>max_total_mb</c>: retention never deletes them to get under it.
/// </summary>
public sealed record RetentionPlan(IReadOnlyList<RunRemoval> Remove, long BytesFreed, int RunsKept, long BytesKept, bool SizeLimitMet)
{
    public static RetentionPlan Empty { get; } = new([], 0, 0, 0, true);
}
