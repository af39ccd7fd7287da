namespace AstroBench.Core.Retention;

/// <summary>What happened to one planned removal: removed (and archived when <see cref="ArchivePath"/> is set),
/// skipped (pinned meanwhile, or gone already) or failed with <see cref="Error"/>.</summary>
public sealed record RunRemovalResult(RunRemoval Removal, string Outcome, string? ArchivePath = null, string? Error = null)
{
    public const string Removed = "removed";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
