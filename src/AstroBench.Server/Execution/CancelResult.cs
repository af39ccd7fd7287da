using AstroBench.Server.Jobs;

namespace AstroBench.Server.Execution;

internal enum CancelState
{
    Accepted,
    NotFound,
    NotActive,
    Failed,
}

/// <summary>What a cancel request led to: the job as it is now and, on failure, what is left.</summary>
internal sealed record CancelResult(CancelState State, JobRow? Job, CancelOutcome? Outcome);
