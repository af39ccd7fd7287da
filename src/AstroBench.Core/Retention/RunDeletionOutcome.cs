namespace AstroBench.Core.Retention;

/// <summary>How a <see cref="RunDeletion"/> ended.</summary>
public enum RunDeletionOutcome
{
    Deleted,
    NotFound,
    Protected,
    Failed,
}
