namespace AstroBench.Core.Retention;

/// <summary>The names of the rules that select a run for removal (the <c>rule</c> of a preview item).</summary>
public static class RetentionRule
{
    public const string KeepLast = "keep_last";
    public const string MaxAge = "max_age_days";
    public const string MaxTotal = "max_total_mb";

    /// <summary>A removal asked for by name (<c>DELETE /api/runs/{id}</c>, <c>astrobench runs delete</c>).</summary>
    public const string Manual = "manual";
}
